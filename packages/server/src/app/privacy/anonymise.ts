/**
 * Anonymisation (KVKK art. 7; art. 11 on request). Personal fields are overwritten, not rows
 * deleted: requests stay in the figures with the person removed. request_events and the
 * audit log are append-only by design and hold no contact details. personal-columns.ts lists
 * every column this clears, and a test holds that list against the database's columns.
 */
import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { DomainError, fieldError, notFound, scrubPersonalText } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { attachments, citizens, citizenSessions, consents, contacts, open311Submissions, outbox, portalChallenges, requestFollowers, requests, satisfactionRatings, surveyAnswers, surveyResponses } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';

export interface AnonymisedCounts {
  citizens: number;
  requests: number;
  contacts: number;
  messages: number;
}

/** Set-based, for one person or a retention batch; the caller records the audit entry. */
export async function anonymiseCitizens(ex: Executor, ids: number[], now: Date): Promise<AnonymisedCounts> {
  if (!ids.length) return { citizens: 0, requests: 0, contacts: 0, messages: 0 };
  const people = await ex.select({ id: citizens.id, phone: citizens.phone, email: citizens.email }).from(citizens).where(and(inArray(citizens.id, ids), isNull(citizens.anonymisedAt)));
  if (!people.length) return { citizens: 0, requests: 0, contacts: 0, messages: 0 };
  const personIds = people.map((p) => p.id);
  const phones = people.map((p) => p.phone).filter((p): p is string => !!p);
  const recipients = [...phones, ...people.map((p) => p.email).filter((e): e is string => !!e)];

  await ex.update(citizens).set({ fullName: null, phone: null, tcKimlikNo: null, email: null, address: null, anonymisedAt: now, updatedAt: now }).where(inArray(citizens.id, personIds));

  const theirRequests = await ex.select({ id: requests.id, description: requests.description }).from(requests).where(inArray(requests.citizenId, personIds));
  for (const r of theirRequests) {
    await ex.update(requests).set({ description: scrubPersonalText(r.description), address: null }).where(eq(requests.id, r.id));
  }
  const requestIds = theirRequests.map((r) => r.id);
  if (requestIds.length) {
    // Their own words beside the request: a rating's comment, a survey's free answers.
    const comments = await ex.select({ id: satisfactionRatings.id, comment: satisfactionRatings.comment }).from(satisfactionRatings).where(and(inArray(satisfactionRatings.requestId, requestIds), isNotNull(satisfactionRatings.comment)));
    for (const c of comments) await ex.update(satisfactionRatings).set({ comment: scrubPersonalText(c.comment!) }).where(eq(satisfactionRatings.id, c.id));
    const answers = await ex
      .select({ responseId: surveyAnswers.responseId, questionId: surveyAnswers.questionId, text: surveyAnswers.text })
      .from(surveyAnswers)
      .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
      .where(and(inArray(surveyResponses.requestId, requestIds), isNotNull(surveyAnswers.text)));
    for (const a of answers) await ex.update(surveyAnswers).set({ text: scrubPersonalText(a.text!) }).where(and(eq(surveyAnswers.responseId, a.responseId), eq(surveyAnswers.questionId, a.questionId)));
    // An app's device and account ids single the person out as well as a phone does.
    await ex.update(open311Submissions).set({ deviceId: null, accountId: null, mediaUrl: null, attributes: {} }).where(inArray(open311Submissions.requestId, requestIds));
    // A file's name may be the person's ("kimlik-ahmet-yilmaz.jpg"); its type stays.
    await ex
      .update(attachments)
      .set({ fileName: sql`'dosya-' || ${attachments.id} || coalesce(substring(${attachments.fileName} from '\\.[A-Za-z0-9]{1,8}$'), '')` })
      .where(inArray(attachments.requestId, requestIds));
  }
  const touchedContacts = await ex.update(contacts).set({ callerNumber: null, notes: null }).where(inArray(contacts.citizenId, personIds)).returning({ id: contacts.id });
  await ex.update(consents).set({ phone: null, ip: null }).where(inArray(consents.citizenId, personIds));
  if (phones.length) {
    await ex.delete(portalChallenges).where(inArray(portalChallenges.phone, phones));
    await ex.delete(citizenSessions).where(inArray(citizenSessions.phone, phones));
  }

  // Messages to them, about their own requests, requests they follow, or none (a portal code):
  // what is waiting is not sent any more; what went out loses its address and text.
  let messages = 0;
  if (recipients.length) {
    const followed = await ex.select({ id: requestFollowers.requestId }).from(requestFollowers).where(inArray(requestFollowers.citizenId, personIds));
    const aboutThem = [...requestIds, ...followed.map((f) => f.id)];
    const recipientList = sql.join(recipients.map((r) => sql`${r}`), sql`, `);
    const touched = await ex
      .update(outbox)
      .set({
        payload: sql`jsonb_build_object('anonymised', true)`,
        status: sql`case when ${outbox.status} = 'pending' then 'failed' else ${outbox.status} end`,
        // A transport error may quote the address ("550 <veli@…> unknown").
        lastError: sql`case when ${outbox.status} = 'pending' then 'recipient anonymised (KVKK)' when ${outbox.lastError} is null then null else 'error text cleared (KVKK)' end`,
      })
      .where(and(aboutThem.length ? or(inArray(outbox.requestId, aboutThem), isNull(outbox.requestId)) : isNull(outbox.requestId), inArray(outbox.kind, ['email', 'sms']), sql`${outbox.payload}->>'to' in (${recipientList})`))
      .returning({ id: outbox.id });
    messages = touched.length;
  }
  return { citizens: personIds.length, requests: theirRequests.length, contacts: touchedContacts.length, messages };
}

/** One person, on their request (usually a KVKK request on the 30-day clock). */
export async function anonymiseCitizen(ex: Executor, actor: Actor, id: number, input: { reason: string; trackingNo?: string; ip?: string; now: Date }): Promise<AnonymisedCounts> {
  const reason = input.reason.trim();
  if (reason.length < 5) throw fieldError('reason', 'min_length', 'say why this person is anonymised (at least 5 characters), e.g. "KVKK başvurusu 2026-0001234: silme talebi"', { limit: 5 });
  const [person] = await ex.select({ id: citizens.id, anonymisedAt: citizens.anonymisedAt }).from(citizens).where(eq(citizens.id, id)).for('update');
  if (!person) throw notFound('citizen', id);
  if (person.anonymisedAt) throw new DomainError('citizen.conflict', `citizen ${id} was already anonymised on ${person.anonymisedAt.toISOString()}`, undefined, { id, date: person.anonymisedAt.toISOString().slice(0, 10) });
  if (input.trackingNo) {
    const [req] = await ex.select({ id: requests.id }).from(requests).where(eq(requests.trackingNo, input.trackingNo));
    if (!req) throw fieldError('trackingNo', 'not_found', `no request has the tracking number '${input.trackingNo}'`, { id: input.trackingNo });
  }
  const counts = await anonymiseCitizens(ex, [id], input.now);
  await recordAudit(ex, { actor, action: 'personal_data.anonymise', subjectType: 'citizen', subjectId: id, purpose: reason, ip: input.ip, data: { ...counts, trackingNo: input.trackingNo ?? null } });
  return counts;
}
