/**
 * GeoReport service requests over our requests: the tracking number is the
 * service_request_id, our statuses fold into open/closed, and only what may be public leaves
 * (KVKK): requests whose category and request type allow publication (publicationOf), never
 * the citizen, and the citizen's words, address, point and photo only where the category says
 * citizen_text, with phone numbers, e-mail addresses and TC kimlik numbers blanked out.
 */
import { and, asc, desc, eq, gte, inArray, lt, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { CLOSED_STATUSES, DomainError, groupBy, isOpenStatus, OPEN_STATUSES, publicationOf, scrubPersonalText } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { categories, districts, neighbourhoods, open311Submissions, requestEvents, requests, requestTypes, units } from '../../db/schema.js';
import { selectRequestsWithNames } from '../requests/with-names.js';

/** Waiting and on hold are still open to the citizen; everything that ended is closed. */
export const open311Status = (status: string): 'open' | 'closed' => (isOpenStatus(status) ? 'open' : 'closed');

export interface RequestQuery {
  ids?: string[];
  serviceCodes?: string[];
  start?: Date;
  end?: Date;
  statuses?: ('open' | 'closed')[];
  page: number;
  pageSize: number;
  extensions: boolean;
}

/** GeoReport v2: without dates the list covers the last 90 days, and a range may not span more. */
export const MAX_SPAN_DAYS = 90;

const EVENT_SUMMARIES: Record<string, string> = {
  created: 'Başvuru alındı',
  assign: 'Birime atandı',
  start: 'Çalışılmaya başlandı',
  hold: 'Beklemeye alındı',
  resume: 'Çalışmaya devam ediliyor',
  transfer: 'İlgili birime aktarıldı',
  refer: 'Başka kuruma yönlendirildi',
  mark_duplicate: 'Aynı konudaki başvuruyla birleştirildi',
  reject: 'İşleme alınamadı',
  resolve: 'Çözüldü',
  close: 'Kapatıldı',
  reopen: 'Yeniden açıldı',
  reply: 'Yanıt verildi',
  attachment: 'Fotoğraf eklendi',
  parent_resolved: 'Bağlı başvuru çözüldü',
  extend: 'Süre uzatıldı',
};

export const eventSummary = (type: string): string => EVENT_SUMMARIES[type] ?? type;

/** The words a public event carries for the citizen: the reply, the resolution, the reason. */
export function eventText(event: { reason: string | null; data: unknown }): string | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const text = typeof data.text === 'string' ? data.text : null;
  const institution = typeof data.institution === 'string' ? data.institution : null;
  return text ?? event.reason ?? institution ?? null;
}

/** Requests that may be published at all: the SQL side of publicationOf(…) !== 'none'. */
const PUBLISHED = [ne(categories.publication, 'none'), eq(requestTypes.publishable, true)];

export async function findRequests(ex: Executor, query: RequestQuery, now: Date) {
  const parent = alias(categories, 'parent_category');
  const where: SQL[] = [...PUBLISHED];
  if (query.ids?.length) {
    // The spec: with service_request_id the other filters are ignored.
    where.push(inArray(requests.trackingNo, query.ids));
  } else {
    if (query.start && query.end && query.end.getTime() - query.start.getTime() > MAX_SPAN_DAYS * 86400_000) {
      throw new DomainError('validation_failed', `start_date and end_date may span at most ${MAX_SPAN_DAYS} days; ask for the rest in further queries`);
    }
    if (query.start && query.end && query.end < query.start) throw new DomainError('validation_failed', 'end_date is before start_date; swap them');
    const end = query.end ?? (query.start ? new Date(query.start.getTime() + MAX_SPAN_DAYS * 86400_000) : now);
    const start = query.start ?? new Date(end.getTime() - MAX_SPAN_DAYS * 86400_000);
    where.push(gte(requests.createdAt, start), lt(requests.createdAt, end));
    if (query.serviceCodes?.length) where.push(inArray(categories.code, query.serviceCodes));
    if (query.statuses?.length && query.statuses.length < 2) where.push(inArray(requests.status, query.statuses[0] === 'open' ? [...OPEN_STATUSES] : [...CLOSED_STATUSES]));
  }
  const rows = await selectRequestsWithNames(ex, {
    id: requests.id,
    trackingNo: requests.trackingNo,
    status: requests.status,
    description: requests.description,
    resolution: requests.resolution,
    referredTo: requests.referredTo,
    address: requests.address,
    latitude: requests.latitude,
    longitude: requests.longitude,
    createdAt: requests.createdAt,
    updatedAt: requests.updatedAt,
    dueAt: requests.dueAt,
    channel: requests.channel,
    requestType: requests.requestType,
    requestTypeTr: requestTypes.nameTr,
    serviceCode: categories.code,
    serviceName: categories.nameTr,
    group: parent.nameTr,
    unitName: units.nameTr,
    districtCode: districts.code,
    districtName: districts.name,
    postalCodes: districts.postalCodes,
    neighbourhoodCode: neighbourhoods.code,
    neighbourhoodName: neighbourhoods.name,
    mediaUrl: open311Submissions.mediaUrl,
    publication: categories.publication,
    publishable: requestTypes.publishable,
  })
    .leftJoin(parent, eq(parent.id, categories.parentId))
    .innerJoin(requestTypes, eq(requestTypes.code, requests.requestType))
    .leftJoin(open311Submissions, eq(open311Submissions.requestId, requests.id))
    .where(and(...where))
    .orderBy(desc(requests.createdAt), desc(requests.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);

  const ids = rows.map((r) => r.id);
  const events = ids.length
    ? await ex
        .select({ requestId: requestEvents.requestId, type: requestEvents.type, actorKind: requestEvents.actorKind, toStatus: requestEvents.toStatus, reason: requestEvents.reason, data: requestEvents.data, at: requestEvents.at })
        .from(requestEvents)
        .where(and(inArray(requestEvents.requestId, ids), eq(requestEvents.visibility, 'public')))
        .orderBy(asc(requestEvents.at), asc(requestEvents.id))
    : [];
  const eventsOf = groupBy(events, (e) => e.requestId);

  return rows.map((r) => {
    // staff_text: the citizen's words (the description, their own events' reasons), address, point and photo stay in.
    const citizenText = publicationOf(r.publication, r.publishable) === 'citizen_text';
    const words = (e: (typeof events)[number]) => (e.type !== 'attachment' && (citizenText || e.actorKind !== 'citizen') ? eventText(e) : null);
    const own = eventsOf.get(r.id) ?? [];
    const status = open311Status(r.status);
    const lastWords = own.findLast((e) => words(e));
    const statusNotes = status === 'closed' ? (r.resolution ?? (r.referredTo ? `Yönlendirildi: ${r.referredTo}` : null) ?? (lastWords ? words(lastWords) : null)) : lastWords ? words(lastWords) : null;
    const place = [citizenText ? r.address : null, r.neighbourhoodName ? `${r.neighbourhoodName} Mahallesi` : null, r.districtName].filter(Boolean).join(', ');
    const request: Record<string, unknown> = {
      service_request_id: r.trackingNo,
      status,
      status_notes: statusNotes ? scrubPersonalText(statusNotes) : null,
      service_name: r.serviceName,
      service_code: r.serviceCode,
      description: citizenText ? scrubPersonalText(r.description).slice(0, 4000) : r.serviceName,
      agency_responsible: r.unitName,
      service_notice: r.dueAt ? `Hedef çözüm tarihi: ${r.dueAt.toISOString().slice(0, 10)}` : null,
      requested_datetime: r.createdAt.toISOString(),
      updated_datetime: r.updatedAt.toISOString(),
      expected_datetime: r.dueAt?.toISOString() ?? null,
      address: place || null,
      address_id: null,
      zipcode: r.postalCodes?.length === 1 ? r.postalCodes[0]! : null,
      lat: citizenText ? r.latitude : null,
      long: citizenText ? r.longitude : null,
      media_url: citizenText ? r.mediaUrl : null,
    };
    if (query.extensions) {
      request.extended_attributes = {
        status_detail: r.status,
        request_type: r.requestType,
        request_type_name: r.requestTypeTr,
        channel: r.channel,
        group: r.group,
        district_code: r.districtCode,
        district: r.districtName,
        neighbourhood_code: r.neighbourhoodCode,
        neighbourhood: r.neighbourhoodName,
      };
      request.notes = own.map((e) => {
        const text = words(e);
        return { datetime: e.at.toISOString(), type: e.type, summary: eventSummary(e.type), description: text ? scrubPersonalText(text) : null };
      });
    }
    return request;
  });
}

/** One request by its tracking number, or 404 in the spec's words (also when it is not published: its existence is not told). */
export async function findRequest(ex: Executor, id: string, extensions: boolean, now: Date) {
  const [found] = await findRequests(ex, { ids: [id], page: 1, pageSize: 1, extensions }, now);
  if (!found) throw new DomainError('not_found', `service_request_id '${id}' was not found; it is the tracking number, e.g. 2026-0000123`);
  return found;
}

export async function findToken(ex: Executor, token: string) {
  const [row] = await ex
    .select({ token: open311Submissions.token, trackingNo: requests.trackingNo })
    .from(open311Submissions)
    .innerJoin(requests, eq(requests.id, open311Submissions.requestId))
    .innerJoin(categories, eq(categories.id, requests.categoryId))
    .innerJoin(requestTypes, eq(requestTypes.code, requests.requestType))
    .where(and(eq(open311Submissions.token, token), ...PUBLISHED));
  if (!row) throw new DomainError('not_found', `token '${token}' was not found`);
  return { service_request_id: row.trackingNo, token: row.token };
}

