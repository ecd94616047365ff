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
 * Follows a Server-Sent Events stream under /api/v1 and keeps the latest `event`. The browser
 * reconnects after a drop; the status says whether the data is live.
 */
export function useEventStream<T>(path: string, event: string): { data: T | undefined; status: StreamStatus } {
  const [data, setData] = useState<T>();
  const [status, setStatus] = useState<StreamStatus>('connecting');
  useEffect(() => {
    const source = new EventSource(`/api/v1${path}`);
    const onEvent = (message: MessageEvent<string>) => {
      setData(JSON.parse(message.data) as T);
      setStatus('open');
    };
    source.addEventListener(event, onEvent as EventListener);
    source.onopen = () => setStatus('open');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'lost' : 'connecting');
    return () => {
      source.removeEventListener(event, onEvent as EventListener);
      source.close();
    };
  }, [path, event]);
  return { data, status };
}
