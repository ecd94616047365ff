import { api } from './client';

export const AGENT_STATES = ['logged_out', 'available', 'on_call', 'wrap_up', 'paused'] as const;
export type AgentStateName = (typeof AGENT_STATES)[number];
/** The states an agent sets from the console; on_call comes from telephony. */
export const CONSOLE_STATES = ['available', 'paused', 'wrap_up', 'logged_out'] as const;
export type ConsoleState = (typeof CONSOLE_STATES)[number];

export interface AgentView {
  agent: string;
  userId: number | null;
  displayName: string | null;
  state: AgentStateName;
  reason: string | null;
  since: string | null;
  queues: string[];
  currentCall: { callId: string; contactId: number | null; queue: string | null; callerNumber: string | null; answeredAt: string | null } | null;
}

export const getMyState = () => api.get<AgentView>('/agents/me');
export const setMyState = (state: ConsoleState, reason?: string | null) => api.put<AgentView>('/agents/me/state', { state, reason: reason ?? null });
