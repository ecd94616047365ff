/** How a request reached the city (DESIGN.md section 2): the intake forms offer these, reports count by them. */
export const CHANNELS = ['phone', 'web', 'email', 'whatsapp', 'walk_in', 'field', 'cimer', 'open311', 'mobile'] as const;
export type Channel = (typeof CHANNELS)[number];

export const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);

/** How a message reaches the citizen (or staff, for escalations): one outbox row per message. */
export const OUTBOX_KINDS = ['sms', 'email'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
/** A message waits (pending, retried with backoff), went out (sent), or gave up after its attempts (failed). */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
