/** The contact centre now: the wallboard and the agents' states. */
import { Type, type Static } from 'typebox';
import { AGENT_STATES, CONSOLE_STATES } from '@cozum/domain';
import { Items, Nullable, OneOf } from './common.js';


const NS = Nullable(Type.String());
const Ratio = Nullable(Type.Number());
export const AgentState = OneOf(AGENT_STATES);
export type AgentState = Static<typeof AgentState>;
export const ConsoleState = OneOf(CONSOLE_STATES);
export type ConsoleState = Static<typeof ConsoleState>;

export const WallboardQuery = Type.Object({ thresholdSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600 })) }, { additionalProperties: false });
export type WallboardQuery = Static<typeof WallboardQuery>;

export const Wallboard = Type.Object({
  at: Type.String(),
  /** Start of today in the city, as an instant. */
  dayStart: Type.String(),
  thresholdSeconds: Type.Integer(),
  waiting: Type.Object({
    calls: Type.Integer(),
    longestWaitSeconds: Type.Integer(),
    oldestSince: NS,
    byQueue: Type.Array(Type.Object({ queue: Type.String(), calls: Type.Integer(), oldestSince: Type.String() })),
  }),
  agents: Type.Array(Type.Object({ state: AgentState, count: Type.Integer() })),
  /** Every agent not logged out: who, in which state, since when; by state, the longest in it first. */
  roster: Type.Array(
    Type.Object({
      agent: Type.String({ description: "the username, or the PBX's agent name when it names no user" }),
      displayName: NS,
      state: AgentState,
      reason: Nullable(Type.String({ description: 'why paused' })),
      since: NS,
    }),
  ),
  today: Type.Object({
    offered: Type.Integer(),
    answered: Type.Integer(),
    abandoned: Type.Integer(),
    answerRate: Ratio,
    serviceLevel: Ratio,
    informationGiven: Type.Integer(),
    instantInformationShare: Ratio,
  }),
  hourly: Type.Array(Type.Object({ hour: Type.String(), offered: Type.Integer(), answered: Type.Integer(), abandoned: Type.Integer() })),
});
export type Wallboard = Static<typeof Wallboard>;

export const Agent = Type.Object({
  agent: Type.String({ description: "the username, or the PBX's agent name when it names no user" }),
  userId: Nullable(Type.Integer()),
  displayName: NS,
  state: AgentState,
  reason: NS,
  since: Nullable(Type.String({ description: 'null: never had a state' })),
  queues: Type.Array(Type.String()),
  currentCall: Nullable(Type.Object({ callId: Type.String(), contactId: Nullable(Type.Integer()), queue: NS, callerNumber: NS, answeredAt: NS })),
});
export type Agent = Static<typeof Agent>;
export const AgentList = Items(Agent);
export type AgentList = Static<typeof AgentList>;

/** The console sets the agent's own state (on_call comes from the telephony); a pause needs its reason. */
export const SetAgentStateBody = Type.Object({ state: ConsoleState, reason: Type.Optional(Nullable(Type.String({ maxLength: 200 }))) }, { additionalProperties: false });
export type SetAgentStateBody = Static<typeof SetAgentStateBody>;
