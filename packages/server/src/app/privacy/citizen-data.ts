/**
 * KVKK art. 11: everything held about one person, for their data-access request. Collected
 * in one place so the JSON and the PDF say the same, and anonymisation knows what to clear.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { invalid, notFound } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { auditLog, categories, citizens, consents, contacts, outbox, requestEvents, requests, satisfactionRatings, units } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';

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
  consents: { purpose: string; noticeVersion: string; channel: string; givenAt: string }[];
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
  }[];
  contacts: { channel: string; callerNumber: string | null; offeredAt: string; outcome: string | null }[];
  messages: { kind: string; to: string | null; subject: string | null; text: string | null; status: string; createdAt: string }[];
  /** Who opened or handled this person's data, and why (KVKK art. 11(1)(ç) asks who received it). */
  accessLog: { at: string; actor: string | null; action: string; purpose: string | null }[];
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export async function collectCitizenData(ex: Executor, id: number, now: Date): Promise<CitizenData> {
  const [c] = await ex.select().from(citizens).where(eq(citizens.id, id));
  if (!c) throw notFound('citizen', id);
  const given = await ex.select().from(consents).where(eq(consents.citizenId, id)).orderBy(asc(consents.givenAt));
  const reqs = await ex
    .select({ r: requests, category: categories.nameTr, unit: units.nameTr })
    .from(requests)
    .innerJoin(categories, eq(categories.id, requests.categoryId))
    .innerJoin(units, eq(units.id, requests.unitId))
    .where(eq(requests.citizenId, id))
    .orderBy(asc(requests.createdAt));
  const requestIds = reqs.map((x) => x.r.id);
  // Internal notes are the municipality's working papers; the person is owed what happened.
  const events = requestIds.length
    ? await ex.select().from(requestEvents).where(and(inArray(requestEvents.requestId, requestIds), eq(requestEvents.visibility, 'public'))).orderBy(asc(requestEvents.at), asc(requestEvents.id))
    : [];
  const ratings = requestIds.length ? await ex.select().from(satisfactionRatings).where(inArray(satisfactionRatings.requestId, requestIds)) : [];
  const calls = await ex.select().from(contacts).where(eq(contacts.citizenId, id)).orderBy(asc(contacts.offeredAt));
  const sent = requestIds.length ? await ex.select().from(outbox).where(and(inArray(outbox.requestId, requestIds), inArray(outbox.kind, ['email', 'sms']))).orderBy(asc(outbox.id)) : [];
  const recipients = new Set([c.phone, c.email].filter(Boolean));
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
    consents: given.map((g) => ({ purpose: g.purpose, noticeVersion: g.noticeVersion, channel: g.channel, givenAt: g.givenAt.toISOString() })),
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
    })),
    contacts: calls.map((k) => ({ channel: k.channel, callerNumber: k.callerNumber, offeredAt: k.offeredAt.toISOString(), outcome: k.outcome })),
    // Messages about their requests that went to them (staff escalations on the same request are not theirs).
    messages: sent
      .map((m) => ({ m, p: m.payload as { to?: string; subject?: string; text?: string } }))
      .filter(({ p }) => !p.to || recipients.has(p.to) || recipients.size === 0)
      .map(({ m, p }) => ({ kind: m.kind, to: p.to ?? null, subject: p.subject ?? null, text: p.text ?? null, status: m.status, createdAt: m.createdAt.toISOString() })),
    accessLog: access.map((a) => ({ at: a.at.toISOString(), actor: a.actorName, action: a.action, purpose: a.purpose })),
  };
}

/** The export a data-access request asks for, recorded in the audit log with its purpose. */
export async function exportCitizenData(ex: Executor, actor: Actor, id: number, input: { purpose: string; format: 'json' | 'pdf'; ip?: string; now: Date }): Promise<CitizenData> {
  const purpose = input.purpose.trim();
  if (purpose.length < 5) throw invalid('purpose', 'say why you export this data (at least 5 characters), e.g. "KVKK başvurusu 2026-0001234"');
  const data = await collectCitizenData(ex, id, input.now);
  await recordAudit(ex, { actor, action: 'personal_data.export', subjectType: 'citizen', subjectId: id, purpose, ip: input.ip, data: { format: input.format, requests: data.requests.length } });
  return data;
}

