/**
 * POST requests: an Open311 client files a request on a citizen's behalf. It goes through
 * the same intake as every channel (createRequest, channel 'open311'), in one transaction
 * with its token and media.
 */
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Open311PostBody } from '@cozum/contract';
import { DomainError } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { districts, neighbourhoods, open311Clients, open311Submissions, requestTypes, units } from '../../db/schema.js';
import { districtAt } from '../portal/places.js';
import { createRequest } from '../requests/create-request.js';
import { ATTRIBUTES, serviceByCode } from './services.js';

/** Our field names in intake errors, in the words of the Open311 request. */
const FIELD_NAMES: Record<string, string> = {
  description: 'description',
  categoryId: 'service_code',
  requestType: `attribute[${ATTRIBUTES.requestType}]`,
  districtId: `attribute[${ATTRIBUTES.district}]`,
  neighbourhoodId: `attribute[${ATTRIBUTES.neighbourhood}]`,
  latitude: 'lat',
  longitude: 'long',
  citizen: 'first_name, last_name, phone or email',
  'citizen.phone': 'phone',
  'citizen.email': 'email',
};

function coordinate(name: 'lat' | 'long', raw: string | number | undefined): number | null {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return null;
  const value = Number(raw);
  const limit = name === 'lat' ? 90 : 180;
  if (!Number.isFinite(value) || Math.abs(value) > limit) throw new DomainError('validation_failed', `${name}: '${raw}' is not a WGS84 ${name === 'lat' ? 'latitude' : 'longitude'} (a decimal number between -${limit} and ${limit})`);
  return value;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export async function submitOpen311Request(ex: Executor, client: { id: number }, post: Open311PostBody, now: Date) {
  if (!post.service_code?.trim()) throw new DomainError('validation_failed', 'service_code: is required; GET services.json lists the codes');
  const service = await serviceByCode(ex, post.service_code.trim(), 400);
  const latitude = coordinate('lat', post.lat);
  const longitude = coordinate('long', post.long);
  if ((latitude === null) !== (longitude === null)) throw new DomainError('validation_failed', `${latitude === null ? 'lat' : 'long'}: is required with ${latitude === null ? 'long' : 'lat'}; send both or neither`);
  if (latitude === null && !post.address_string?.trim() && !post.address_id?.trim()) {
    throw new DomainError('validation_failed', 'a location is required: send lat and long, or address_string, or address_id');
  }

  const attributes = post.attribute ?? {};
  for (const code of Object.keys(attributes)) {
    if (!(Object.values(ATTRIBUTES) as string[]).includes(code)) throw new DomainError('validation_failed', `attribute[${code}]: is not an attribute of '${service.code}'; GET services/${service.code}.json lists them`);
  }
  let districtId: number | null = null;
  const districtCode = single(attributes[ATTRIBUTES.district]);
  if (districtCode) {
    const [district] = await ex.select({ id: districts.id }).from(districts).where(eq(districts.code, districtCode));
    if (!district) throw new DomainError('validation_failed', `attribute[${ATTRIBUTES.district}]: '${districtCode}' is not a district key; see the values in services/${service.code}.json`);
    districtId = district.id;
  }
  if (latitude !== null && longitude !== null) {
    const located = await districtAt(ex, { latitude, longitude }, { latitude: 'lat', longitude: 'long' }).catch((error: unknown) => {
      if (error instanceof DomainError) throw new DomainError('validation_failed', error.details?.[0] ? `${error.details[0].field}: ${error.details[0].message}` : error.message);
      throw error;
    });
    if (districtId !== null && districtId !== located.id) throw new DomainError('validation_failed', `lat/long lie in ${located.name}, not in the district given as attribute[${ATTRIBUTES.district}]; correct one of them`);
    districtId = located.id;
  }
  let neighbourhoodId: number | null = null;
  const hood = single(attributes[ATTRIBUTES.neighbourhood]);
  if (hood) {
    if (!districtId) throw new DomainError('validation_failed', `attribute[${ATTRIBUTES.neighbourhood}]: give the district too (attribute[${ATTRIBUTES.district}] or lat/long)`);
    const [found] = await ex
      .select({ id: neighbourhoods.id })
      .from(neighbourhoods)
      .where(and(eq(neighbourhoods.districtId, districtId), sql`(${neighbourhoods.code} = ${hood} or lower(${neighbourhoods.name}) = lower(${hood}))`));
    if (!found) throw new DomainError('validation_failed', `attribute[${ATTRIBUTES.neighbourhood}]: '${hood}' is not a neighbourhood of that district; send its NVİ code or its name`);
    neighbourhoodId = found.id;
  }
  const requestType = single(attributes[ATTRIBUTES.requestType]);
  if (requestType) {
    const [type] = await ex.select({ code: requestTypes.code }).from(requestTypes).where(and(eq(requestTypes.code, requestType), eq(requestTypes.active, true)));
    if (!type) throw new DomainError('validation_failed', `attribute[${ATTRIBUTES.requestType}]: '${requestType}' is not a request type; see the values in services/${service.code}.json`);
  }
  let mediaUrl: string | null = null;
  if (post.media_url?.trim()) {
    try {
      const url = new URL(post.media_url.trim());
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
      mediaUrl = url.toString();
    } catch {
      throw new DomainError('validation_failed', `media_url: '${post.media_url}' is not an http(s) address`);
    }
  }
  const description = post.description?.trim() || `${service.nameTr}${post.address_string ? ` — ${post.address_string.trim()}` : ''}`;
  if (description.length > 4000) throw new DomainError('validation_failed', `description: is ${description.length} characters; GeoReport allows at most 4000`);
  const fullName = [post.first_name, post.last_name].map((s) => s?.trim()).filter(Boolean).join(' ') || null;
  const address = [post.address_string?.trim(), post.address_id?.trim() ? `(adres no ${post.address_id.trim()})` : null].filter(Boolean).join(' ') || null;

  let created;
  try {
    created = await createRequest(
      ex,
      null,
      {
        categoryId: service.id,
        requestType,
        description,
        channel: 'open311',
        districtId,
        neighbourhoodId,
        address,
        latitude,
        longitude,
        citizen: { fullName, phone: post.phone ?? null, email: post.email ?? null },
      },
      now,
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'validation_failed' && error.details?.[0]?.field) {
      const detail = error.details[0];
      throw new DomainError('validation_failed', `${FIELD_NAMES[detail.field!] ?? detail.field}: ${detail.message}`);
    }
    throw error;
  }
  const token = crypto.randomBytes(12).toString('hex');
  await ex.insert(open311Submissions).values({
    requestId: created.id,
    clientId: client.id,
    token,
    mediaUrl,
    attributes,
    deviceId: post.device_id?.trim() || null,
    accountId: post.account_id?.trim() || null,
    createdAt: now,
  });
  await ex.update(open311Clients).set({ lastUsedAt: now }).where(eq(open311Clients.id, client.id));
  const [unit] = await ex.select({ name: units.nameTr }).from(units).where(eq(units.id, created.unitId));
  return {
    service_request_id: created.trackingNo,
    token,
    service_notice: `Başvurunuz ${unit?.name ?? 'ilgili birime'} iletildi. Takip numaranız: ${created.trackingNo}.${created.dueAt ? ` Hedef çözüm tarihi: ${created.dueAt.toISOString().slice(0, 10)}.` : ''}`,
    account_id: post.account_id?.trim() || null,
  };
}
