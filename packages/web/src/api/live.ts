/**
 * The contact centre's live side: the wallboard, the agent console's calls and the
 * Server-Sent Events streams that push them (EventSource reconnects by itself).
 */
import { useEffect, useState } from 'react';
import { api } from './client';
import type { RequestStatus } from './requests';

export interface Wallboard {
  at: string;
  dayStart: string;
  thresholdSeconds: number;
  waiting: { calls: number; longestWaitSeconds: number; oldestSince: string | null; byQueue: { queue: string; calls: number; oldestSince: string }[] };
  agents: { state: string; count: number }[];
  today: {
    offered: number;
    answered: number;
    abandoned: number;
    answerRate: number | null;
    serviceLevel: number | null;
    informationGiven: number;
    instantInformationShare: number | null;
  };
  hourly: { hour: string; offered: number; answered: number; abandoned: number }[];
}

export const CONTACT_OUTCOMES = ['information_given', 'request_created', 'transferred', 'abandoned', 'callback_scheduled', 'other'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export interface ConsoleCall {
  contactId: number;
  channel: string;
  source: 'telephony' | 'manual';
  callerNumber: string | null;
  queue: string | null;
  offeredAt: string;
  answeredAt: string | null;
  endedAt: string | null;
}

export interface CallerHistory {
  phone: string;
  citizens: { id: number; fullName: string | null; phone: string | null; email: string | null; locale: string }[];
  contacts: { id: number; channel: string; offeredAt: string; outcome: string | null; agentName: string | null; requestId: number | null }[];
  requests: { id: number; trackingNo: string; status: RequestStatus; categoryName: string; createdAt: string; dueAt: string | null }[];
}

export interface ConsolePop {
  call: ConsoleCall | null;
  history: CallerHistory | null;
}

export interface CloseContact {
  outcome: ContactOutcome;
  kbArticleId?: number | null;
  requestId?: number | null;
  notes?: string | null;
  wrapSeconds?: number;
}

export const getWallboard = () => api.get<Wallboard>('/wallboard');
export const getConsoleCall = () => api.get<ConsolePop>('/console/call');
export const takeCall = (callerNumber: string) => api.post<ConsoleCall>('/console/calls', { callerNumber });
export const closeContact = (contactId: number, body: CloseContact) => api.post<{ id: number; outcome: string }>(`/console/contacts/${contactId}/close`, body);

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
