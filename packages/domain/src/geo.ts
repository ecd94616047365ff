/**
 * Which district a point lies in, from the district boundaries (GeoJSON, WGS84 lon/lat).
 * Ray casting on each ring: a point in a hole (an inner ring) is outside.
 */
export type Ring = readonly (readonly [number, number] | readonly number[])[];

export interface Area<T> {
  value: T;
  /** Polygon: outer ring then holes; MultiPolygon: a list of such polygons. */
  geometry: { type: 'Polygon'; coordinates: readonly Ring[] } | { type: 'MultiPolygon'; coordinates: readonly (readonly Ring[])[] };
}

function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lon: number, lat: number, rings: readonly Ring[]): boolean {
  const [outer, ...holes] = rings;
  return outer !== undefined && inRing(lon, lat, outer) && !holes.some((hole) => inRing(lon, lat, hole));
}

/** The value of the first area that holds the point, or null when none does. */
export function locatePoint<T>(point: { latitude: number; longitude: number }, areas: readonly Area<T>[]): T | null {
  for (const area of areas) {
    const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
    if (polygons.some((rings) => inPolygon(point.longitude, point.latitude, rings))) return area.value;
  }
  return null;
}
