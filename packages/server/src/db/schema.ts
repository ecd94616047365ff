/**
 * The database schema (PostgreSQL dialect, for PGlite and PostgreSQL alike), one subject per
 * schema-<subject>.ts file, re-exported here: the rest of the server imports this index, the
 * schema files import only each other. Migrations (./migrations) are written by hand from
 * 0003 on and checked against this schema by a test. Timestamps are `timestamptz`; personal
 * data lives in `citizens` only, so masking and anonymisation have one place to act on.
 */
export * from './schema-staff.js';
export * from './schema-places.js';
export * from './schema-taxonomy.js';
export * from './schema-calendar-settings.js';
export * from './schema-citizens.js';
export * from './schema-knowledge-base.js';
export * from './schema-requests.js';
export * from './schema-contacts.js';
export * from './schema-outbox.js';
export * from './schema-audit.js';
export * from './schema-templates.js';
export * from './schema-satisfaction.js';
export * from './schema-reference-version.js';
export * from './schema-portal.js';
export * from './schema-agent-states.js';
export * from './schema-privacy.js';
export * from './schema-reports.js';
export * from './schema-followers.js';
export * from './schema-surveys-field.js';
export * from './schema-sign-in.js';
export * from './schema-seeded-content.js';
