/** Contacts: recording them, the caller's screen-pop, the agent console's call in hand and the PBX's CTI webhook. */
import { Type, type Static } from 'typebox';
import { AGENT_STATES, CONTACT_CHANNELS, CONTACT_OUTCOMES, REQUEST_STATUSES } from '@cozum/domain';
import { Id, Items, Locale, Nullable, OneOf } from './common.js';


const S = Type.String();
const NS = Nullable(Type.String());
const NI = Nullable(Type.Integer());
export const ContactChannel = OneOf(CONTACT_CHANNELS);
export type ContactChannel = Static<typeof ContactChannel>;
export const ContactOutcome = OneOf(CONTACT_OUTCOMES);
export type ContactOutcome = Static<typeof ContactOutcome>;
const NOutcome = Nullable(ContactOutcome);
const Notes = Type.Optional(Nullable(Type.String({ maxLength: 5000 })));
const WrapSeconds = Type.Optional(Type.Integer({ minimum: 0, maximum: 86400 }));
const PhoneNumber = Type.String({ minLength: 3, maxLength: 30 });

export const RecordContactBody = Type.Object(
  {
    channel: ContactChannel,
    callerNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    citizenId: Type.Optional(Nullable(Id)),
    outcome: ContactOutcome,
    kbArticleId: Type.Optional(Nullable(Id)),
    requestId: Type.Optional(Nullable(Id)),
    notes: Notes,
    startedAt: Type.Optional(Type.String({ format: 'date-time' })),
    wrapSeconds: WrapSeconds,
  },
  { additionalProperties: false },
);
export type RecordContactBody = Static<typeof RecordContactBody>;
export const RecordedContact = Type.Object({ id: Type.Integer(), citizenId: NI });
export type RecordedContact = Static<typeof RecordedContact>;

export const ContactsQuery = Type.Object(
  {
    /** A day in the city's time zone, YYYY-MM-DD. */
    from: Type.Optional(Type.String({ format: 'date' })),
    /** The last day included, YYYY-MM-DD. */
    to: Type.Optional(Type.String({ format: 'date' })),
    agentId: Type.Optional(Id),
    outcome: Type.Optional(ContactOutcome),
    channel: Type.Optional(ContactChannel),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type ContactsQuery = Static<typeof ContactsQuery>;

export const ContactRow = Type.Object({
  id: Type.Integer(),
  channel: ContactChannel,
  queue: NS,
  /** Masked for roles that do not contact citizens. */
  callerNumber: NS,
  agentName: NS,
  offeredAt: S,
  answeredAt: NS,
  endedAt: NS,
  waitSeconds: NI,
  talkSeconds: NI,
  /** How the call left the queue, as the PBX says (answered, abandoned, timeout, …). */
  exitReason: NS,
  outcome: NOutcome,
  kbArticleId: NI,
  requestId: NI,
});
export type ContactRow = Static<typeof ContactRow>;
export const ContactList = Items(ContactRow);
export type ContactList = Static<typeof ContactList>;

export const CallerParams = Type.Object({ number: PhoneNumber }, { additionalProperties: false });

/** Who is calling (masked for field staff), their earlier contacts and their requests with where each stands. */
export const CallerHistory = Type.Object({
  phone: S,
  citizens: Type.Array(Type.Object({ id: Type.Integer(), fullName: NS, phone: NS, email: NS, locale: Locale })),
  contacts: Type.Array(Type.Object({ id: Type.Integer(), channel: ContactChannel, offeredAt: S, outcome: NOutcome, agentName: NS, requestId: NI })),
  requests: Type.Array(Type.Object({ id: Type.Integer(), trackingNo: S, status: OneOf(REQUEST_STATUSES), categoryName: S, createdAt: S, dueAt: NS })),
});
export type CallerHistory = Static<typeof CallerHistory>;

/** The agent's call in hand: answered by them, not yet closed with an outcome. */
export const ConsoleCall = Type.Object({
  contactId: Type.Integer(),
  channel: ContactChannel,
  /** telephony: it came through the PBX; manual: the agent entered it. */
  source: OneOf(['telephony', 'manual'] as const),
  callerNumber: NS,
  queue: NS,
  offeredAt: S,
  answeredAt: NS,
  endedAt: NS,
});
export type ConsoleCall = Static<typeof ConsoleCall>;

/** The screen-pop: the call in hand and the caller's history without this call. */
export const ConsolePop = Type.Object({ call: Nullable(ConsoleCall), history: Nullable(CallerHistory) });
export type ConsolePop = Static<typeof ConsolePop>;

export const TakeCallBody = Type.Object({ callerNumber: PhoneNumber, channel: Type.Optional(ContactChannel) }, { additionalProperties: false });
export type TakeCallBody = Static<typeof TakeCallBody>;

export const CloseContactBody = Type.Object(
  {
    outcome: ContactOutcome,
    kbArticleId: Type.Optional(Nullable(Id)),
    requestId: Type.Optional(Nullable(Id)),
    notes: Notes,
    /** Seconds spent on after-call work; counted in AHT. */
    wrapSeconds: WrapSeconds,
  },
  { additionalProperties: false },
);
export type CloseContactBody = Static<typeof CloseContactBody>;
export const ClosedContact = Type.Object({ id: Type.Integer(), outcome: ContactOutcome });
export type ClosedContact = Static<typeof ClosedContact>;

/** The CTI webhook's events: a call's life, and an agent's state for PBXs that report it. */
export const CTI_EVENTS = ['call.new', 'call.answered', 'call.ended', 'call.transferred'] as const;
export type CtiCallEvent = (typeof CTI_EVENTS)[number];
export const CTI_AGENT_EVENTS = ['agent.state'] as const;

export const CtiEventBody = Type.Object(
  {
    event: OneOf([...CTI_EVENTS, ...CTI_AGENT_EVENTS]),
    /** Call events: the PBX's call id. */
    callId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    at: Type.Optional(Type.String({ format: 'date-time' })),
    queue: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    callerNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    agent: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    /** call.ended without an answer: abandoned or timeout; agent.state paused: why. */
    reason: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    /** agent.state: the agent's state. */
    state: Type.Optional(OneOf(AGENT_STATES)),
  },
  { additionalProperties: false },
);
export type CtiEventBody = Static<typeof CtiEventBody>;
/** A call event answers with its contact, agent.state with the agent; changed is false for a repeat. */
export const CtiEventResult = Type.Object({ contactId: Type.Optional(Type.Integer()), agent: Type.Optional(Type.String()), changed: Type.Boolean() });
export type CtiEventResult = Static<typeof CtiEventResult>;
