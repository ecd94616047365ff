/** Open311 client applications and their api_keys (shown once, kept hashed), managed by admins. */
import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';

const NS = Nullable(Type.String());

export const Open311Client = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  contact: NS,
  keyPrefix: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String(),
  lastUsedAt: NS,
  revokedAt: NS,
});
export type Open311Client = Static<typeof Open311Client>;

export const CreateOpen311ClientBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), contact: Type.Optional(Nullable(Type.String({ maxLength: 300 }))) },
  { additionalProperties: false },
);
export type CreateOpen311ClientBody = Static<typeof CreateOpen311ClientBody>;

/** The new client with its api_key, the only time the key is shown. */
export const CreatedOpen311Client = Type.Intersect([Open311Client, Type.Object({ apiKey: Type.String() })]);
export type CreatedOpen311Client = Static<typeof CreatedOpen311Client>;
