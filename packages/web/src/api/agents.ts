import type { Agent, SetAgentStateBody } from '@cozum/contract';
import { api } from './client';

export { AGENT_STATES, CONSOLE_STATES, type AgentState as AgentStateName, type ConsoleState } from '@cozum/contract';
export type AgentView = Agent;

export const setMyState = (state: SetAgentStateBody['state'], reason?: string | null) => api.put<AgentView>('/agents/me/state', { state, reason: reason ?? null } satisfies SetAgentStateBody);
