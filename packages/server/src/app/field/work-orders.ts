/**
 * Work orders: requests assigned to a field staff member, closed on site with a note and
 * photos. Closing resolves the request through the same action the unit uses (actOnRequest),
 * so the citizen is told and the satisfaction survey follows as for any resolution.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { ACTIVE_STATUSES, DomainError, fieldError, isActiveStatus, notFound } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { categories, districts, neighbourhoods, requests } from '../../db/schema.js';
import type { Actor } from '../audit.js';
import { actOnRequest } from '../requests/act-on-request.js';
import { addAttachment } from '../requests/attachments.js';
import { selectRequestsWithNames } from '../requests/with-names.js';

export async function listWorkOrders(ex: Executor, actor: Actor) {
  const rows = await selectRequestsWithNames(ex, {
    id: requests.id,
    trackingNo: requests.trackingNo,
    status: requests.status,
    version: requests.version,
    description: requests.description,
    categoryTr: categories.nameTr,
    categoryEn: categories.nameEn,
    districtName: districts.name,
    neighbourhoodName: neighbourhoods.name,
    address: requests.address,
    dueAt: requests.dueAt,
  })
    .where(and(eq(requests.assigneeId, actor.id), inArray(requests.status, [...ACTIVE_STATUSES])))
    .orderBy(asc(requests.dueAt), asc(requests.id))
    .limit(500);
  return rows.map((r) => ({ ...r, dueAt: r.dueAt?.toISOString() ?? null }));
}

export interface Photo {
  fileName: string;
  content: Buffer;
}

export interface CloseInput {
  version: number;
  note: string;
  photos: Photo[];
}

export const MAX_PHOTOS = 5;

export async function closeWorkOrder(ex: Executor, actor: Actor, requestId: number, input: CloseInput, dataDir: string, now: Date) {
  const [request] = await ex.select({ assigneeId: requests.assigneeId, trackingNo: requests.trackingNo, status: requests.status }).from(requests).where(eq(requests.id, requestId));
  if (!request) throw notFound('request', requestId);
  if (actor.role === 'field_staff' && request.assigneeId !== actor.id) throw new DomainError('request.forbidden', `request ${request.trackingNo} is not assigned to you; ask the unit to assign it before closing it`, undefined, { trackingNo: request.trackingNo });
  // Closing on site resolves the request, which only an active one can be.
  if (!isActiveStatus(request.status)) throw new DomainError('request.invalid_transition', `request ${request.trackingNo} is already ${request.status}; it was closed by someone else while you were away, so your note was not added`, undefined, { trackingNo: request.trackingNo, status: request.status, action: 'resolve' });
  if (!input.note.trim()) throw fieldError('note', 'required', 'is required: say what was done on site; the citizen reads it');
  if (input.photos.length > MAX_PHOTOS) throw fieldError('photos', 'too_many_files', `${input.photos.length} photos; send at most ${MAX_PHOTOS}`, { limit: MAX_PHOTOS });
  // Photos first: a refused photo leaves the request open, with nothing half done.
  const saved = [];
  for (const photo of input.photos) saved.push(await addAttachment(ex, actor, requestId, { fileName: photo.fileName, content: photo.content, visibility: 'internal' }, dataDir, now));
  const result = await actOnRequest(ex, actor, requestId, { action: 'resolve', version: input.version, text: input.note }, now);
  return { id: requestId, trackingNo: request.trackingNo, status: result.status, version: result.version, photos: saved.map((p) => ({ id: p.id, fileName: p.fileName, sizeBytes: p.sizeBytes })) };
}
