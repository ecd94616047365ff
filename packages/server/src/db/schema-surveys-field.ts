/**
 * Surveys (satisfaction after resolution, campaigns targeted by district) and the field teams
 * with the Mobile Solution Bus: teams, planned visits, what each visit took, and the
 * idempotency keys that make an offline tablet's sync safe to repeat.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { districts, neighbourhoods } from './schema-places.js';
import { requests } from './schema-requests.js';
import { users } from './schema-staff.js';
import type { TeamKind, VisitStatus } from '@cozum/domain';

export const surveys = pgTable(
  'surveys',
  {
    id: serial('id').primaryKey(),
    /** satisfaction: asked after a request is resolved; campaign: about the city's projects and services. */
    kind: text('kind').notNull(),
    titleTr: text('title_tr').notNull(),
    titleEn: text('title_en'),
    introTr: text('intro_tr'),
    introEn: text('intro_en'),
    status: text('status').notNull().default('draft'),
    /** Campaigns asked only in these districts; empty: the whole city. */
    districtIds: integer('district_ids').array().notNull().default(sql`'{}'::integer[]`),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One satisfaction survey is asked at a time.
    uniqueIndex('surveys_one_active_satisfaction_uq').on(t.kind).where(sql`${t.kind} = 'satisfaction' and ${t.status} = 'active'`),
    check('surveys_kind_ck', sql`${t.kind} in ('satisfaction','campaign')`),
    check('surveys_status_ck', sql`${t.status} in ('draft','active','closed')`),
  ],
);

export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: serial('id').primaryKey(),
    surveyId: integer('survey_id').notNull().references(() => surveys.id),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    textTr: text('text_tr').notNull(),
    textEn: text('text_en'),
    /** Choices of single and multiple choice questions: [{ tr, en }]. */
    options: jsonb('options').notNull().default([]),
    scaleMin: smallint('scale_min'),
    scaleMax: smallint('scale_max'),
    required: boolean('required').notNull().default(true),
    /** The satisfaction survey's overall 1–5 score, written to satisfaction_ratings. */
    overall: boolean('overall').notNull().default(false),
  },
  (t) => [
    uniqueIndex('survey_questions_position_uq').on(t.surveyId, t.position),
    check('survey_questions_kind_ck', sql`${t.kind} in ('single','multiple','scale','text')`),
  ],
);

/** A link sent or handed out: its token is signed, and it takes one answer. */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    surveyId: integer('survey_id').notNull().references(() => surveys.id),
    requestId: bigint('request_id', { mode: 'number' }).references(() => requests.id),
    channel: text('channel').notNull(),
    districtId: integer('district_id').references(() => districts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('survey_invitations_request_idx').on(t.requestId),
    index('survey_invitations_survey_idx').on(t.surveyId),
    check('survey_invitations_channel_ck', sql`${t.channel} in ('sms_link','email_link','link')`),
  ],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    surveyId: integer('survey_id').notNull().references(() => surveys.id),
    invitationId: bigint('invitation_id', { mode: 'number' }).references(() => surveyInvitations.id),
    requestId: bigint('request_id', { mode: 'number' }).references(() => requests.id),
    /** sms_link, email_link, link (a public link), callback (an agent calling back), field (a tablet). */
    channel: text('channel').notNull(),
    districtId: integer('district_id').references(() => districts.id),
    neighbourhoodId: integer('neighbourhood_id').references(() => neighbourhoods.id),
    visitId: integer('visit_id').references(() => fieldVisits.id),
    answeredBy: integer('answered_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_responses_invitation_uq').on(t.invitationId),
    index('survey_responses_survey_idx').on(t.surveyId, t.createdAt),
    index('survey_responses_visit_idx').on(t.visitId),
    check('survey_responses_channel_ck', sql`${t.channel} in ('sms_link','email_link','link','callback','field')`),
  ],
);

export const surveyAnswers = pgTable(
  'survey_answers',
  {
    responseId: bigint('response_id', { mode: 'number' }).notNull().references(() => surveyResponses.id),
    questionId: integer('question_id').notNull().references(() => surveyQuestions.id),
    /** Indexes into the question's options (one for single choice). */
    choices: smallint('choices').array(),
    value: smallint('value'),
    text: text('text'),
  },
  (t) => [primaryKey({ name: 'survey_answers_pk', columns: [t.responseId, t.questionId] }), index('survey_answers_question_idx').on(t.questionId)],
);

/** A field team or the Mobile Solution Bus crew. */
export const fieldTeams = pgTable(
  'field_teams',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').$type<TeamKind>().notNull().default('bus'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('field_teams_name_uq').on(t.name), check('field_teams_kind_ck', sql`${t.kind} in ('bus','field')`)],
);

export const fieldTeamMembers = pgTable(
  'field_team_members',
  {
    teamId: integer('team_id').notNull().references(() => fieldTeams.id),
    userId: integer('user_id').notNull().references(() => users.id),
  },
  (t) => [primaryKey({ name: 'field_team_members_pk', columns: [t.teamId, t.userId] }), index('field_team_members_user_idx').on(t.userId)],
);

export const fieldVisits = pgTable(
  'field_visits',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull().references(() => fieldTeams.id),
    districtId: integer('district_id').notNull().references(() => districts.id),
    neighbourhoodId: integer('neighbourhood_id').references(() => neighbourhoods.id),
    place: text('place').notNull(),
    visitDate: date('visit_date').notNull(),
    status: text('status').$type<VisitStatus>().notNull().default('planned'),
    notes: text('notes'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('field_visits_date_idx').on(t.visitDate),
    index('field_visits_district_idx').on(t.districtId),
    index('field_visits_team_idx').on(t.teamId, t.visitDate),
    check('field_visits_status_ck', sql`${t.status} in ('planned','done','cancelled')`),
  ],
);

/** The requests a visit took face to face. */
export const fieldVisitRequests = pgTable(
  'field_visit_requests',
  {
    requestId: bigint('request_id', { mode: 'number' }).primaryKey().references(() => requests.id),
    visitId: integer('visit_id').notNull().references(() => fieldVisits.id),
  },
  (t) => [index('field_visit_requests_visit_idx').on(t.visitId)],
);

/**
 * Writes a client may repeat (an offline tablet syncing again): the first answer is kept under
 * the client's key and given back to every repeat, so nothing is done twice.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: text('key').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    /** SHA-256 of the route and body: the same key with another body is refused. */
    fingerprint: text('fingerprint').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('idempotency_keys_created_idx').on(t.createdAt)],
);
