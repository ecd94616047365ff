/**
 * The contact centre's live side: the wallboard, the agent console's calls and the
 * Server-Sent Events streams that push them (EventSource reconnects by itself).
 */
import { useEffect, useState } from 'react';
import type { CloseContactBody, ClosedContact, ConsoleCall, ConsolePop, TakeCallBody, Wallboard } from '@cozum/contract';
import { api } from './client';

export { CONTACT_OUTCOMES, type CallerHistory, type ConsoleCall, type ConsolePop, type ContactOutcome, type Wallboard } from '@cozum/contract';
export type CloseContact = CloseContactBody;

export const getWallboard = () => api.get<Wallboard>('/wallboard');
export const getConsoleCall = () => api.get<ConsolePop>('/console/call');
export const takeCall = (callerNumber: string) => api.post<ConsoleCall>('/console/calls', { callerNumber } satisfies TakeCallBody);
export const closeContact = (contactId: number, body: CloseContact) => api.post<ClosedContact>(`/console/contacts/${contactId}/close`, body);

export type StreamStatus = 'connecting' | 'open' | 'lost';

/**
 * Follows a Server-Sent Events stream under /api/v1 and keeps the latest of each named event
 * (`Events` maps an event's name to its data). The browser reconnects after a drop, and the
 * server sends each event's current value on every connection, so nothing stays stale; the
 * status says whether the data is live.
 */
export function useEventStream<Events extends Record<string, unknown>>(path: string, events: readonly (keyof Events & string)[]): { data: Partial<Events>; status: StreamStatus } {
  const [data, setData] = useState<Partial<Events>>({});
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const names = events.join(',');
  useEffect(() => {
    const source = new EventSource(`/api/v1${path}`);
    const listeners = names.split(',').map((name) => {
      const listener = (message: MessageEvent<string>) => {
        const value = JSON.parse(message.data) as unknown;
        setData((current) => ({ ...current, [name]: value }));
        setStatus('open');
      };
      source.addEventListener(name, listener as EventListener);
      return [name, listener] as const;
    });
    source.onopen = () => setStatus('open');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'lost' : 'connecting');
    return () => {
      for (const [name, listener] of listeners) source.removeEventListener(name, listener as EventListener);
      source.close();
    };
  }, [path, names]);
  return { data, status };
}
