/** One request with everything the unit and the agent need: place, people, timeline, files. */
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { DomainError, allowedActions, can, inUnitScope, isRole, maskAddress, maskEmail, maskName, maskPhone, maskTcKimlikNo, notFound, seesPersonalData } from '@cozum/domain';
import type { RequestDetail } from '@cozum/contract';
import type { Executor } from '../../db/client.js';
import { attachments, categories, citizens, districts, neighbourhoods, outbox, requestEvents, requests, units, users } from '../../db/schema.js';
import { assignee, selectRequestsWithNames } from './with-names.js';
import type { Actor } from '../audit.js';
import { recordAudit } from '../audit.js';

/** Unit staff and heads work only their unit's requests (roles.ts, inUnitScope). */
export function checkUnitScope(actor: Actor, unitId: number): void {
  if (!inUnitScope(actor, unitId)) {
    throw new DomainError('request.forbidden', 'this request belongs to another unit; ask the supervisor to transfer it if it is yours', undefined, { reason: 'other_unit' });
  }
}

export async function getRequestDetail(ex: Executor, actor: Actor, id: number, options: { purpose?: string; ip?: string } = {}): Promise<RequestDetail> {
  const [row] = await selectRequestsWithNames(ex, {
    request: requests,
    categoryName: categories.nameTr,
    categoryNameEn: categories.nameEn,
    unitName: units.nameTr,
    districtName: districts.name,
    neighbourhoodName: neighbourhoods.name,
    assigneeName: assignee.displayName,
  })
    .where(eq(requests.id, id));
  if (!row) throw notFound('request', id);
  checkUnitScope(actor, row.request.unitId);
  const r = row.request;
  // KVKK: roles that do not contact citizens (auditors) see personal data masked (roles.ts).
  const full = seesPersonalData(actor.role);

  let citizen = null;
  if (r.citizenId) {
    const [c] = await ex.select().from(citizens).where(eq(citizens.id, r.citizenId));
    if (c) {
      citizen = {
        id: c.id,
        fullName: c.fullName ? (full ? c.fullName : maskName(c.fullName)) : null,
        phone: c.phone ? (full ? c.phone : maskPhone(c.phone)) : null,
        email: c.email ? (full ? c.email : maskEmail(c.email)) : null,
        tcKimlikNo: c.tcKimlikNo ? (full ? c.tcKimlikNo : maskTcKimlikNo(c.tcKimlikNo)) : null,
        locale: c.locale,
      };
      // KVKK: every view of a person's full record is logged, with the purpose.
      if (full) await recordAudit(ex, { actor, action: 'personal_data.view', subjectType: 'citizen', subjectId: c.id, purpose: options.purpose ?? `request ${r.trackingNo}`, ip: options.ip });
    }
  }
  const actorUser = alias(users, 'actor');
  const events = await ex
    .select({ id: requestEvents.id, type: requestEvents.type, fromStatus: requestEvents.fromStatus, toStatus: requestEvents.toStatus, actorName: actorUser.displayName, actorKind: requestEvents.actorKind, reason: requestEvents.reason, visibility: requestEvents.visibility, data: requestEvents.data, at: requestEvents.at })
    .from(requestEvents)
    .leftJoin(actorUser, eq(actorUser.id, requestEvents.actorId))
    .where(eq(requestEvents.requestId, id))
    .orderBy(asc(requestEvents.at), asc(requestEvents.id));
  const files = await ex
    .select({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, sizeBytes: attachments.sizeBytes, visibility: attachments.visibility, createdAt: attachments.createdAt })
    .from(attachments)
    .where(eq(attachments.requestId, id))
    .orderBy(asc(attachments.id));

  // What the citizen (and staff) were sent about this request, and whether it went out.
  const sent = await ex
    .select({ id: outbox.id, kind: outbox.kind, payload: outbox.payload, status: outbox.status, attempts: outbox.attempts, sentAt: outbox.sentAt, lastError: outbox.lastError, createdAt: outbox.createdAt })
    .from(outbox)
    .where(eq(outbox.requestId, id))
    .orderBy(asc(outbox.id));
  const messages = sent.map((m) => {
    const payload = m.payload as { to?: string; subject?: string; text?: string };
    const to = payload.to ?? '';
    return {
      id: m.id,
      kind: m.kind,
      to: full ? to : m.kind === 'sms' ? maskPhone(to) : m.kind === 'email' ? maskEmail(to) : to,
      subject: payload.subject ?? null,
      text: payload.text ?? '',
      status: m.status,
      attempts: m.attempts,
      sentAt: m.sentAt?.toISOString() ?? null,
      lastError: m.lastError,
      createdAt: m.createdAt.toISOString(),
    };
  });

  return {
    id: r.id,
    trackingNo: r.trackingNo,
    status: r.status,
    requestType: r.requestType,
    channel: r.channel,
    description: r.description,
    categoryId: r.categoryId,
    categoryName: row.categoryName,
    categoryNameEn: row.categoryNameEn,
    unitId: r.unitId,
    unitName: row.unitName,
    routedBy: r.routedBy,
    routingRuleId: r.routingRuleId,
    districtId: r.districtId,
    districtName: row.districtName,
    neighbourhoodId: r.neighbourhoodId,
    neighbourhoodName: row.neighbourhoodName,
    // The place's address is often the citizen's home.
    address: r.address && !full ? maskAddress(r.address) : r.address,
    latitude: r.latitude,
    longitude: r.longitude,
    assigneeId: r.assigneeId,
    assigneeName: row.assigneeName,
    parentId: r.parentId,
    dueAt: r.dueAt?.toISOString() ?? null,
    legalDueAt: r.legalDueAt?.toISOString() ?? null,
    overdueAt: r.overdueAt?.toISOString() ?? null,
    resolution: r.resolution,
    referredTo: r.referredTo,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    citizen,
    // What this viewer may do now: a role that does not work requests (agents, auditors) none.
    allowedActions: isRole(actor.role) && can(actor.role, 'requests.work') ? allowedActions(r.status) : [],
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    attachments: files.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
    messages,
  };
}
