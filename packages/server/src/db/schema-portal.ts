/**
 * Citizens on their own: the portal's one-time codes and short sessions, the consents they
 * give to the privacy notice (KVKK art. 10 notice, art. 5 consent), and the Open311 client
 * applications with the requests they sent.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { citizens } from './schema-citizens.js';
import { requests } from './schema-requests.js';
import { users } from './schema-staff.js';

/** A one-time code sent by SMS: to confirm a submission, or to open a citizen session. */
export const portalChallenges = pgTable(
  'portal_challenges',
  {
    id: text('id').primaryKey(),
    purpose: text('purpose').notNull(),
    /** E.164 digits without '+'. */
    phone: text('phone').notNull(),
    /** HMAC of the code under SESSION_SECRET: a copy of the table does not give the codes away. */
    codeHash: text('code_hash').notNull(),
    /** The submission waiting for its code, or what the sign-in was for. */
    payload: jsonb('payload').notNull().default({}),
    attempts: integer('attempts').notNull().default(0),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    requestId: bigint('request_id', { mode: 'number' }).references(() => requests.id),
  },
  (t) => [
    index('portal_challenges_phone_idx').on(t.phone, t.createdAt),
    check('portal_challenges_purpose_ck', sql`${t.purpose} in ('submit','sign_in')`),
  ],
);

/** A verified phone's short session on the portal; separate from staff sessions. */
export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    phone: text('phone').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('citizen_sessions_expires_idx').on(t.expiresAt)],
);

/** Every consent given, with the version of the notice the person saw. Never updated. */
export const consents = pgTable(
  'consents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    citizenId: integer('citizen_id').references(() => citizens.id),
    phone: text('phone'),
    purpose: text('purpose').notNull(),
    noticeVersion: text('notice_version').notNull(),
    channel: text('channel').notNull(),
    ip: text('ip'),
    requestId: bigint('request_id', { mode: 'number' }).references(() => requests.id),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consents_citizen_idx').on(t.citizenId), index('consents_phone_idx').on(t.phone)],
);

/** An application allowed to POST Open311 requests; the key is shown once and kept hashed. */
export const open311Clients = pgTable(
  'open311_clients',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    contact: text('contact'),
    /** SHA-256 of the key: keys are long random strings, so a plain hash suffices to look them up. */
    keyHash: text('key_hash').notNull(),
    /** The first characters, so admins can tell keys apart. */
    keyPrefix: text('key_prefix').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('open311_clients_key_hash_key').on(t.keyHash)],
);

/** What an Open311 POST brought beyond the request itself: its token, media, attributes. */
export const open311Submissions = pgTable(
  'open311_submissions',
  {
    requestId: bigint('request_id', { mode: 'number' }).primaryKey().references(() => requests.id),
    clientId: integer('client_id').notNull().references(() => open311Clients.id),
    token: text('token').notNull(),
    mediaUrl: text('media_url'),
    attributes: jsonb('attributes').notNull().default({}),
    deviceId: text('device_id'),
    accountId: text('account_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('open311_submissions_token_key').on(t.token)],
);
