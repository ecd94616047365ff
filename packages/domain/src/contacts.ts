/**
 * Contacts: every interaction with the centre, on one of the request channels an agent
 * records (not Open311 or the mobile app), closed by the agent with one outcome.
 */
import type { Channel } from './channels.js';

export const CONTACT_CHANNELS = ['phone', 'web', 'email', 'whatsapp', 'walk_in', 'field', 'cimer'] as const satisfies readonly Channel[];
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** information_given: the caller was told the answer (an article or notes); request_created: a request was recorded. */
export const CONTACT_OUTCOMES = ['information_given', 'request_created', 'transferred', 'abandoned', 'callback_scheduled', 'other'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
