import { describe, expect, it } from 'vitest';
import { failure } from './domain-failure.test-helper.js';
import { REQUEST_ACTIONS, TRANSITIONS } from './lifecycle.js';
import { channelsToTell, checkNotificationSettings, DEFAULT_NOTIFICATIONS, NOTIFICATION_EVENTS, notificationEventOf, OPTIONAL_NOTIFICATION_EVENTS } from './notifications.js';

describe('citizen notifications', () => {
  it('tells by default what a citizen needs: received, a reply and the final answer, not each step of the work', () => {
    const told = (event: (typeof NOTIFICATION_EVENTS)[number]) => channelsToTell(event, DEFAULT_NOTIFICATIONS);
    expect(['received', 'assigned', 'started', 'reply', 'resolved'].filter((e) => told(e as never).includes('sms'))).toEqual(['received', 'reply', 'resolved']);
    expect(told('rejected')).toEqual(['sms', 'email']);
    expect(told('on_hold')).toEqual([]);
  });

  it('always tells the final answer and what the law requires, on every channel, whatever the type chose', () => {
    const silent = { sms: [], email: [] };
    for (const event of ['resolved', 'rejected', 'referred', 'extended'] as const) expect(channelsToTell(event, silent)).toEqual(['sms', 'email']);
    expect(channelsToTell('received', silent)).toEqual([]);
    expect(channelsToTell('received', { sms: [], email: ['received'] })).toEqual(['email']);
  });

  it('names an event for every public action and none for what only staff see', () => {
    for (const action of REQUEST_ACTIONS) {
      const event = notificationEventOf(action);
      expect(event === null, action).toBe(TRANSITIONS[action].visibility === 'internal');
    }
  });

  it('keeps a choice in the order requests meet the events, and refuses a required or unknown event naming the channel', () => {
    expect(checkNotificationSettings({ sms: ['reply', 'received'], email: [] })).toEqual({ sms: ['received', 'reply'], email: [] });
    const required = failure(() => checkNotificationSettings({ sms: [], email: ['resolved'] }));
    expect(required.details).toEqual([{ field: 'notifications.email', code: 'always_sent', params: { event: 'resolved' }, message: expect.stringContaining("'resolved' is always sent") }]);
    const unknown = failure(() => checkNotificationSettings({ sms: ['delivered'], email: [] }));
    expect(unknown.details?.[0]?.field).toBe('notifications.sms');
    expect(unknown.message).toContain(OPTIONAL_NOTIFICATION_EVENTS.join(', '));
  });
});
