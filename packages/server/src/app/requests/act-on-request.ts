/**
 * Every change to a request after intake: one action, decided by the state machine in
 * packages/domain, applied with optimistic concurrency (the caller names the version it saw;
 * if someone changed the request since, the second writer gets a conflict), recorded as an
 * append-only event, and told to the citizen through the outbox when it is public.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { channelsToTell, checkInformationExtension, computeDueDates, decideTransition, DomainError, fieldError, formatLocalDate, inUnitScope, MESSAGE_CHANNELS, type LegalClock, type MessageKey, notFound, notificationEventOf, pausedSlaSeconds, type RequestAction, type RequestStatus } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { categories, requestEvents, requestTypes, requests, units, users } from '../../db/schema.js';
import type { Actor } from '../audit.js';
import { loadCalendar } from '../calendar.js';
import { notificationSettingsOf, notifyCitizen, notifyCitizens, type Locale } from '../notifications.js';
import { followerNotices } from './followers.js';
import { checkUnitScope } from './detail.js';

export interface ActionInput {
  action: RequestAction;
  /** The version the user saw; required for everything but notes. */
  version?: number;
  reason?: string;
  text?: string;
  assigneeId?: number;
  unitId?: number;
  institution?: string;
  parentTrackingNo?: string;
  reopenWindowDays?: number;
}

const STATUS_LABELS: Record<string, Record<Locale, string>> = {
  new: { tr: 'alındı', en: 'received' },
  assigned: { tr: 'ilgili birime atandı', en: 'assigned to the responsible unit' },
  in_progress: { tr: 'çalışılıyor', en: 'in progress' },
  on_hold: { tr: 'beklemede', en: 'on hold' },
  resolved: { tr: 'çözüldü', en: 'resolved' },
  closed: { tr: 'kapatıldı', en: 'closed' },
  referred: { tr: 'başka kuruma yönlendirildi', en: 'referred to another institution' },
  duplicate: { tr: 'aynı konudaki başka bir başvuruyla birleştirildi', en: 'merged with another request on the same matter' },
  rejected: { tr: 'işleme alınamadı', en: 'could not be taken forward' },
  reopened: { tr: 'yeniden açıldı', en: 'reopened' },
};

export const DEFAULT_REOPEN_WINDOW_DAYS = 15;

export async function actOnRequest(ex: Executor, actor: Actor, requestId: number, input: ActionInput, now: Date) {
  const [current] = await ex.select().from(requests).where(eq(requests.id, requestId));
  if (!current) throw notFound('request', requestId);
  checkUnitScope(actor, current.unitId);
  // Notes and public replies change no state, so they need no version and bump none.
  const isNote = input.action === 'comment' || input.action === 'reply';
  if (!isNote && input.version === undefined) throw fieldError('version', 'required', 'is required: send the version of the request you are looking at');

  const conflict = () =>
    new DomainError(
      'request.version_conflict',
      `someone else changed request ${current.trackingNo} after you opened it (you had version ${input.version}, it is now ${current.version}); reload it and try again`,
      undefined,
      { trackingNo: current.trackingNo, yours: input.version ?? 0, current: current.version },
    );
  if (!isNote && current.version !== input.version) throw conflict();

  let heldFrom: string | undefined;
  if (current.status === 'on_hold') {
    const [hold] = await ex.select({ fromStatus: requestEvents.fromStatus }).from(requestEvents).where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.type, 'hold'))).orderBy(desc(requestEvents.id)).limit(1);
    heldFrom = hold?.fromStatus ?? undefined;
  }
  const decision = decideTransition(
    { status: current.status, heldFrom: heldFrom as RequestStatus | undefined, resolvedAt: current.resolvedAt ?? undefined },
    { type: input.action, reason: input.reason, text: input.text, institution: input.institution, parentGiven: Boolean(input.parentTrackingNo?.trim()) },
    { now, reopenWindowDays: input.reopenWindowDays ?? DEFAULT_REOPEN_WINDOW_DAYS },
  );
  const clockOf = async () => {
    const [category] = await ex.select({ slaHours: categories.slaHours, slaBusinessHours: categories.slaBusinessHours }).from(categories).where(eq(categories.id, current.categoryId));
    const [type] = await ex.select({ legalClock: requestTypes.legalClock }).from(requestTypes).where(eq(requestTypes.code, current.requestType));
    return { category: category!, legalClock: (type?.legalClock ?? null) as LegalClock | null, calendar: await loadCalendar(ex) };
  };

  const changes: Partial<typeof requests.$inferInsert> = { status: decision.toStatus, updatedAt: now };
  const data: Record<string, unknown> = {};
  let notify: { key: MessageKey; values: (locale: Locale) => Record<string, string | null> } | null = null;
  const [unit] = await ex.select({ nameTr: units.nameTr, nameEn: units.nameEn }).from(units).where(eq(units.id, current.unitId));
  const unitName = (locale: Locale) => (locale === 'en' ? unit?.nameEn : unit?.nameTr) ?? '';

  switch (input.action) {
    case 'assign': {
      if (!input.assigneeId) throw fieldError('assigneeId', 'required', 'is required to assign a request');
      const [person] = await ex.select({ id: users.id, unitId: users.unitId, active: users.active, displayName: users.displayName }).from(users).where(eq(users.id, input.assigneeId));
      if (!person || !person.active) throw fieldError('assigneeId', person ? 'inactive' : 'not_found', `user ${input.assigneeId} does not exist or is inactive`, { id: input.assigneeId });
      if (person.unitId !== current.unitId) throw fieldError('assigneeId', 'not_in_unit', `${person.displayName} does not work in this request's unit; transfer the request first`, { name: person.displayName });
      changes.assigneeId = person.id;
      data.assigneeId = person.id;
      data.assigneeName = person.displayName;
      break;
    }
    case 'hold':
      changes.pausedAt = now;
      break;
    case 'resume': {
      const clock = await clockOf();
      // The SLA clock stood still on hold: the due date moves by the SLA time the hold used.
      const pausedSeconds = current.pausedSeconds + (current.pausedAt ? pausedSlaSeconds(current.pausedAt, now, clock.category.slaBusinessHours, clock.calendar) : 0);
      changes.pausedAt = null;
      changes.pausedSeconds = pausedSeconds;
      const due = computeDueDates({ receivedAt: current.createdAt, ...clock, extended: Boolean(current.extendedAt), pausedSeconds });
      changes.dueAt = due.dueAt;
      data.pausedSeconds = pausedSeconds;
      if (current.overdueAt && due.dueAt > now) changes.overdueAt = null;
      break;
    }
    case 'transfer': {
      // Leaving a hold by transfer restarts the SLA clock as resume does.
      if (current.status === 'on_hold' && current.pausedAt) {
        const clock = await clockOf();
        changes.pausedSeconds = current.pausedSeconds + pausedSlaSeconds(current.pausedAt, now, clock.category.slaBusinessHours, clock.calendar);
        changes.pausedAt = null;
        changes.dueAt = computeDueDates({ receivedAt: current.createdAt, ...clock, extended: Boolean(current.extendedAt), pausedSeconds: changes.pausedSeconds }).dueAt;
      }
      if (!input.unitId) throw fieldError('unitId', 'required', 'is required: the unit to transfer the request to');
      if (input.unitId === current.unitId) throw fieldError('unitId', 'same_unit', 'is the unit the request is already in');
      const [target] = await ex.select({ id: units.id, active: units.active, nameTr: units.nameTr }).from(units).where(eq(units.id, input.unitId));
      if (!target || !target.active) throw fieldError('unitId', target ? 'inactive' : 'not_found', `unit ${input.unitId} does not exist or is inactive`, { id: input.unitId });
      changes.unitId = target.id;
      changes.assigneeId = null;
      changes.routedBy = 'transfer';
      data.fromUnitId = current.unitId;
      data.toUnitId = target.id;
      data.toUnitName = target.nameTr;
      break;
    }
    case 'refer':
      changes.referredTo = input.institution!.trim();
      data.institution = changes.referredTo;
      notify = { key: 'request.referred', values: () => ({ institution: changes.referredTo!, text: input.reason ?? '' }) };
      break;
    case 'mark_duplicate': {
      const [parent] = await ex.select({ id: requests.id, status: requests.status, trackingNo: requests.trackingNo, unitId: requests.unitId }).from(requests).where(eq(requests.trackingNo, input.parentTrackingNo ?? ''));
      // One answer for "does not exist" and "another unit's": the error must not reveal which tracking numbers exist.
      if (!parent || !inUnitScope(actor, parent.unitId)) throw fieldError('parentTrackingNo', 'not_found', `no request you may work on has the tracking number '${input.parentTrackingNo}'`, { id: input.parentTrackingNo ?? '' });
      if (parent.id === current.id) throw fieldError('parentTrackingNo', 'self_reference', 'a request cannot be a duplicate of itself');
      changes.parentId = parent.id;
      data.parentId = parent.id;
      data.parentTrackingNo = parent.trackingNo;
      break;
    }
    case 'reject':
      notify = { key: 'request.rejected', values: () => ({ text: input.reason ?? '' }) };
      break;
    case 'resolve':
      changes.resolvedAt = now;
      changes.resolution = input.text!.trim();
      notify = { key: 'request.resolved', values: (locale) => ({ unit: unitName(locale), text: changes.resolution! }) };
      break;
    case 'close':
      changes.closedAt = now;
      break;
    case 'reopen':
      changes.resolvedAt = null;
      changes.closedAt = null;
      break;
    case 'extend': {
      const clock = await clockOf();
      checkInformationExtension({ legalClock: clock.legalClock, extendedAt: current.extendedAt }, input.reason);
      const due = computeDueDates({ receivedAt: current.createdAt, ...clock, extended: true, pausedSeconds: current.pausedSeconds });
      changes.extendedAt = now;
      changes.legalDueAt = due.legalDueAt;
      if (current.overdueAt && due.legalDueAt && due.legalDueAt > now && current.dueAt && current.dueAt > now) changes.overdueAt = null;
      data.legalDueAt = due.legalDueAt?.toISOString();
      const dueDate = formatLocalDate(due.legalDueAt!, clock.calendar.timeZone);
      notify = { key: 'request.extended', values: () => ({ dueDate, text: input.reason!.trim() }) };
      break;
    }
    case 'reply':
      notify = { key: 'request.reply', values: (locale) => ({ unit: unitName(locale), text: input.text!.trim() }) };
      break;
    default:
      break;
  }
  if (!notify && decision.visibility === 'public' && decision.toStatus !== current.status) {
    notify = { key: 'request.status_changed', values: (locale) => ({ status: STATUS_LABELS[decision.toStatus]?.[locale] ?? decision.toStatus, text: input.reason ?? '' }) };
  }

  // Optimistic concurrency: only the version the user saw may change.
  const updated = isNote
    ? await ex.update(requests).set({ updatedAt: now }).where(eq(requests.id, requestId)).returning({ version: requests.version })
    : await ex
        .update(requests)
        .set({ ...changes, version: sql`${requests.version} + 1` })
        .where(and(eq(requests.id, requestId), eq(requests.version, input.version!)))
        .returning({ version: requests.version });
  // Someone committed a change between our read and this write.
  if (!updated.length) throw conflict();

  await ex.insert(requestEvents).values({
    requestId,
    type: decision.eventType,
    fromStatus: current.status,
    toStatus: decision.toStatus,
    actorId: actor.id,
    actorKind: 'staff',
    reason: input.reason?.trim() || input.text?.trim() || null,
    visibility: decision.visibility,
    data,
    at: now,
  });

  // Told on the channels the request's type chose for this event; the final answer on all.
  const event = notificationEventOf(input.action);
  if (notify && event) {
    const values = (locale: Locale) => ({ trackingNo: current.trackingNo, ...notify!.values(locale) });
    const channels = channelsToTell(event, await notificationSettingsOf(ex, current.requestType));
    await notifyCitizen(ex, { citizenId: current.citizenId, requestId, key: notify.key, channels, values });
  }

  // Duplicates follow their parent: when it is solved, their citizens are told too, and so
  // are the callers linked to it as followers. A resolution is always told, on every channel.
  if (input.action === 'resolve') {
    await notifyCitizens(ex, await followerNotices(ex, requestId, { key: 'request.resolved', channels: MESSAGE_CHANNELS, values: (locale) => ({ trackingNo: current.trackingNo, unit: unitName(locale), text: changes.resolution! }) }));
    const children = await ex.select({ id: requests.id, trackingNo: requests.trackingNo, citizenId: requests.citizenId }).from(requests).where(and(eq(requests.parentId, requestId), eq(requests.status, 'duplicate')));
    for (const child of children) {
      await ex.insert(requestEvents).values({ requestId: child.id, type: 'parent_resolved', actorId: actor.id, actorKind: 'staff', reason: changes.resolution, visibility: 'public', data: { parentId: requestId, parentTrackingNo: current.trackingNo }, at: now });
      await notifyCitizen(ex, { citizenId: child.citizenId, requestId: child.id, key: 'request.resolved', channels: MESSAGE_CHANNELS, values: (locale) => ({ trackingNo: child.trackingNo, unit: unitName(locale), text: changes.resolution! }) });
    }
  }
  return { id: requestId, status: decision.toStatus, version: updated[0]!.version };
}
