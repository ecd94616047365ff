/**
 * KVKK art. 11: everything held about one person, for their data-access request. Collected
 * in one place so the JSON and the PDF say the same, and anonymisation knows what to clear.
 */
import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { fieldError, notFound } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { attachments, auditLog, categories, citizens, consents, contacts, open311Submissions, outbox, requestEvents, requestFollowers, requests, satisfactionRatings, surveyAnswers, surveyQuestions, surveyResponses, units } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';
import { selectRequestsWithNames } from '../requests/with-names.js';

export interface CitizenData {
  generatedAt: string;
  citizen: {
    id: number;
    fullName: string | null;
    phone: string | null;
    tcKimlikNo: string | null;
    email: string | null;
    address: string | null;
    locale: string;
    consentAt: string | null;
    consentNoticeVersion: string | null;
    anonymisedAt: string | null;
    createdAt: string;
  };
  consents: { purpose: string; noticeVersion: string; channel: string; givenAt: string; ip: string | null }[];
  requests: {
    trackingNo: string;
    requestType: string;
    category: string;
    unit: string;
    status: string;
    channel: string;
    description: string;
    address: string | null;
    createdAt: string;
    resolvedAt: string | null;
    resolution: string | null;
    events: { type: string; toStatus: string | null; reason: string | null; at: string }[];
    rating: { score: number; comment: string | null } | null;
    /** Their free answers to surveys about this request. */
    surveyAnswers: { question: string; text: string }[];
    files: { fileName: string; contentType: string; createdAt: string }[];
    /** What an Open311 app sent with the request. */
    app: { deviceId: string | null; accountId: string | null; mediaUrl: string | null; attributes: unknown } | null;
  }[];
  /** Requests of others they reported too, and are told about (request_followers). */
  following: { trackingNo: string; category: string; status: string; channel: string; since: string }[];
  contacts: { channel: string; callerNumber: string | null; offeredAt: string; outcome: string | null; notes: string | null }[];
  messages: { kind: string; to: string | null; subject: string | null; text: string | null; status: string; createdAt: string }[];
  /** Who opened or handled this person's data, and why (KVKK art. 11(1)(ç) asks who received it). */
  accessLog: { at: string; actor: string | null; action: string; purpose: string | null }[];
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export async function collectCitizenData(ex: Executor, id: number, now: Date): Promise<CitizenData> {
  const [c] = await ex.select().from(citizens).where(eq(citizens.id, id));
  if (!c) throw notFound('citizen', id);
  const given = await ex.select().from(consents).where(eq(consents.citizenId, id)).orderBy(asc(consents.givenAt));
  const reqs = await selectRequestsWithNames(ex, { r: requests, category: categories.nameTr, unit: units.nameTr })
    .where(eq(requests.citizenId, id))
    .orderBy(asc(requests.createdAt));
  const requestIds = reqs.map((x) => x.r.id);
  // Internal notes are the municipality's working papers; the person is owed what happened.
  const events = requestIds.length
    ? await ex.select().from(requestEvents).where(and(inArray(requestEvents.requestId, requestIds), eq(requestEvents.visibility, 'public'))).orderBy(asc(requestEvents.at), asc(requestEvents.id))
    : [];
  const ratings = requestIds.length ? await ex.select().from(satisfactionRatings).where(inArray(satisfactionRatings.requestId, requestIds)) : [];
  const answers = requestIds.length
    ? await ex
        .select({ requestId: surveyResponses.requestId, question: surveyQuestions.textTr, text: surveyAnswers.text })
        .from(surveyAnswers)
        .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
        .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyAnswers.questionId))
        .where(and(inArray(surveyResponses.requestId, requestIds), isNotNull(surveyAnswers.text)))
        .orderBy(asc(surveyAnswers.responseId), asc(surveyAnswers.questionId))
    : [];
  const files = requestIds.length ? await ex.select().from(attachments).where(inArray(attachments.requestId, requestIds)).orderBy(asc(attachments.id)) : [];
  const apps = requestIds.length ? await ex.select().from(open311Submissions).where(inArray(open311Submissions.requestId, requestIds)) : [];
  const followed = await selectRequestsWithNames(ex, { id: requests.id, trackingNo: requests.trackingNo, category: categories.nameTr, status: requests.status, channel: requestFollowers.channel, since: requestFollowers.createdAt })
    .innerJoin(requestFollowers, eq(requestFollowers.requestId, requests.id))
    .where(eq(requestFollowers.citizenId, id))
    .orderBy(asc(requestFollowers.createdAt));
  const calls = await ex.select().from(contacts).where(eq(contacts.citizenId, id)).orderBy(asc(contacts.offeredAt));
  // Messages about their requests, the ones they follow, or none (a portal code) that went to them.
  const aboutThem = [...requestIds, ...followed.map((f) => f.id)];
  const recipients = new Set([c.phone, c.email].filter((x): x is string => !!x));
  const toThem = recipients.size ? and(isNull(outbox.requestId), sql`${outbox.payload}->>'to' in (${sql.join([...recipients].map((r) => sql`${r}`), sql`, `)})`) : undefined;
  const sent = aboutThem.length || toThem ? await ex.select().from(outbox).where(and(inArray(outbox.kind, ['email', 'sms']), or(aboutThem.length ? inArray(outbox.requestId, aboutThem) : undefined, toThem))).orderBy(asc(outbox.id)) : [];
  const access = await ex.select().from(auditLog).where(and(eq(auditLog.subjectType, 'citizen'), eq(auditLog.subjectId, String(id)))).orderBy(asc(auditLog.at));

  return {
    generatedAt: now.toISOString(),
    citizen: {
      id: c.id,
      fullName: c.fullName,
      phone: c.phone,
      tcKimlikNo: c.tcKimlikNo,
      email: c.email,
      address: c.address,
      locale: c.locale,
      consentAt: iso(c.consentAt),
      consentNoticeVersion: c.consentNoticeVersion,
      anonymisedAt: iso(c.anonymisedAt),
      createdAt: c.createdAt.toISOString(),
    },
    consents: given.map((g) => ({ purpose: g.purpose, noticeVersion: g.noticeVersion, channel: g.channel, givenAt: g.givenAt.toISOString(), ip: g.ip })),
    requests: reqs.map(({ r, category, unit }) => ({
      trackingNo: r.trackingNo,
      requestType: r.requestType,
      category,
      unit,
      status: r.status,
      channel: r.channel,
      description: r.description,
      address: r.address,
      createdAt: r.createdAt.toISOString(),
      resolvedAt: iso(r.resolvedAt),
      resolution: r.resolution,
      events: events.filter((e) => e.requestId === r.id).map((e) => ({ type: e.type, toStatus: e.toStatus, reason: e.reason, at: e.at.toISOString() })),
      rating: ((x) => (x ? { score: x.score, comment: x.comment } : null))(ratings.find((x) => x.requestId === r.id)),
      surveyAnswers: answers.filter((a) => a.requestId === r.id).map((a) => ({ question: a.question, text: a.text! })),
      files: files.filter((f) => f.requestId === r.id).map((f) => ({ fileName: f.fileName, contentType: f.contentType, createdAt: f.createdAt.toISOString() })),
      app: ((x) => (x ? { deviceId: x.deviceId, accountId: x.accountId, mediaUrl: x.mediaUrl, attributes: x.attributes } : null))(apps.find((x) => x.requestId === r.id)),
    })),
    following: followed.map((f) => ({ trackingNo: f.trackingNo, category: f.category, status: f.status, channel: f.channel, since: f.since.toISOString() })),
    contacts: calls.map((k) => ({ channel: k.channel, callerNumber: k.callerNumber, offeredAt: k.offeredAt.toISOString(), outcome: k.outcome, notes: k.notes })),
    // Only what went to them: staff escalations on the same request, other followers' messages and other people's codes are not theirs.
    messages: sent
      .map((m) => ({ m, p: m.payload as { to?: string; subject?: string; text?: string } }))
      .filter(({ m, p }) => (p.to ? recipients.has(p.to) : requestIds.includes(m.requestId ?? -1)))
      .map(({ m, p }) => ({ kind: m.kind, to: p.to ?? null, subject: p.subject ?? null, text: p.text ?? null, status: m.status, createdAt: m.createdAt.toISOString() })),
    accessLog: access.map((a) => ({ at: a.at.toISOString(), actor: a.actorName, action: a.action, purpose: a.purpose })),
  };
}

/** The export a data-access request asks for, recorded in the audit log with its purpose. */
export async function exportCitizenData(ex: Executor, actor: Actor, id: number, input: { purpose: string; format: 'json' | 'pdf'; ip?: string; now: Date }): Promise<CitizenData> {
  const purpose = input.purpose.trim();
  if (purpose.length < 5) throw fieldError('purpose', 'min_length', 'say why you export this data (at least 5 characters), e.g. "KVKK başvurusu 2026-0001234"', { limit: 5 });
  const data = await collectCitizenData(ex, id, input.now);
  await recordAudit(ex, { actor, action: 'personal_data.export', subjectType: 'citizen', subjectId: id, purpose, ip: input.ip, data: { format: input.format, requests: data.requests.length } });
  return data;
}

