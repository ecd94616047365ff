/**
 * The public transparency page: a year's anonymised figures (counts and shares, never a record
 * about a person), the open-data CSV, and the map's boundaries.
 */
import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';
import { Channel } from './requests.js';

const S = Type.String();
const I = Type.Integer();
const NN = Nullable(Type.Number());

const Year = Type.Integer({ minimum: 2000, maximum: 2100, description: 'a calendar year in the city time zone' });

export const TransparencyQuery = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });
export type TransparencyQuery = Static<typeof TransparencyQuery>;
export const OpenDataQuery = Type.Object({ year: Year }, { additionalProperties: false });
export type OpenDataQuery = Static<typeof OpenDataQuery>;
export const OpenDataCsv = Type.String({ description: 'text/csv' });

const Named = { code: S, name: S, nameEn: S, count: I, share: Type.Number() };
const Figures = { offered: I, answered: I, answerRate: NN, instant: I, routed: I, requests: I };

export const Transparency = Type.Object({
  year: I,
  years: Type.Array(I),
  ...Figures,
  previous: Type.Object({ year: I, ...Figures }),
  topicGroups: Type.Array(Type.Object(Named)),
  topics: Type.Array(Type.Object(Named)),
  districts: Type.Array(Type.Object({ id: I, ...Named, population: Nullable(I), perThousand: NN })),
  units: Type.Array(Type.Object({ code: S, name: S, nameEn: S, count: I, medianHours: NN, onTimeShare: NN })),
  channels: Type.Array(Type.Object({ channel: Channel, count: I, share: Type.Number() })),
  satisfaction: Type.Object({ count: I, average: NN, distribution: Type.Array(I) }),
  months: Type.Array(Type.Object({ month: S, offered: I, answered: I, requests: I })),
});
export type Transparency = Static<typeof Transparency>;

/** Boundaries as GeoJSON; the features go out as stored (properties differ between districts and neighbourhoods). */
/** A boundary as stored: its properties name the place (id null where no district row matches). */
export interface GeoFeature {
  type: 'Feature';
  properties: { id: number | null; code: string; name: string; /** Neighbourhoods: the district they lie in. */ districtCode?: string };
  geometry: unknown;
}
export const TransparencyGeo = Type.Object({
  type: Type.Literal('FeatureCollection'),
  attribution: Type.Optional(S),
  // Sent as stored, in the stored key order: the schema types them without reshaping them.
  features: Type.Array(Type.Unsafe<GeoFeature>({ description: 'a GeoJSON Feature with properties { id, code, name }' })),
});
export type TransparencyGeo = Static<typeof TransparencyGeo>;
