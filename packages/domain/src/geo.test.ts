import { describe, expect, it } from 'vitest';
import { locatePoint, type Area } from './geo.js';

const square = (x0: number, y0: number, size: number): [number, number][] => [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]];

const areas: Area<string>[] = [
  { value: 'with-hole', geometry: { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] } },
  { value: 'islands', geometry: { type: 'MultiPolygon', coordinates: [[square(20, 0, 1)], [square(30, 0, 1)]] } },
];

describe('locatePoint', () => {
  it('finds the area holding the point', () => {
    expect(locatePoint({ longitude: 1, latitude: 1 }, areas)).toBe('with-hole');
    expect(locatePoint({ longitude: 30.5, latitude: 0.5 }, areas)).toBe('islands');
  });
  it('treats a hole and the space between areas as outside', () => {
    expect(locatePoint({ longitude: 5, latitude: 5 }, areas)).toBeNull();
    expect(locatePoint({ longitude: 25, latitude: 0.5 }, areas)).toBeNull();
  });
});
