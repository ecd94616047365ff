/**
 * Where a point is: the district boundaries the server seeds (src/city-data, © OpenStreetMap
 * contributors, ODbL) matched to our districts by NVİ code. Read once per process.
 */
import { eq } from 'drizzle-orm';
import { fieldError, locatePoint } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { districts } from '../../db/schema.js';
import { readCityData } from '../../city-data/read.js';
import type { PortalDistrictBoundaries } from '@cozum/contract';

/** The stored boundaries, as the portal's map receives them. */
export type DistrictBoundaries = PortalDistrictBoundaries;

let boundaries: DistrictBoundaries | null = null;

export function districtBoundaries(): DistrictBoundaries {
  boundaries ??= readCityData<DistrictBoundaries>('samsun-districts.geojson');
  return boundaries;
}

/** The district (id and name) holding the point, or a 400 naming the fields when it lies outside the city. */
export async function districtAt(ex: Executor, point: { latitude: number; longitude: number }, fields = { latitude: 'latitude', longitude: 'longitude' }) {
  const areas = districtBoundaries().features.map((f) => ({ value: f.properties.code, geometry: f.geometry }));
  const code = locatePoint(point, areas);
  if (!code) throw fieldError(fields.latitude, 'outside_city', `the point ${point.latitude}, ${point.longitude} (${fields.latitude}, ${fields.longitude}) is outside the city's districts; check that latitude and longitude are not swapped`, { latitude: point.latitude, longitude: point.longitude });
  const [district] = await ex.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.code, code));
  if (!district) throw fieldError(fields.latitude, 'outside_city', `the point lies in district ${code}, which is not in the districts table; run 'cozum seed'`, { latitude: point.latitude, longitude: point.longitude });
  return district;
}
