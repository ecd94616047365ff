/** Pieces every subject's schemas are built from: ids, nulls, enums, lists and the error answer. */
import { Type, type Static, type TSchema } from 'typebox';
import { ROLES } from '@cozum/domain';

/** The values an error's message names, for the client's catalogue (`{ limit: 4000 }`). */
const ErrorParams = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]));

/** Every error: a stable code with its params (clients translate these), an English message, and the fields at fault. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      params: Type.Optional(ErrorParams),
      details: Type.Optional(
        Type.Array(Type.Object({ field: Type.Optional(Type.String()), code: Type.Optional(Type.String()), params: Type.Optional(ErrorParams), message: Type.String() })),
      ),
      requestId: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorResponse' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

const errorRef = Type.Unsafe<ErrorResponse>(Type.Ref('ErrorResponse'));

/** The error answers every route may give, plus its own success responses. */
export function responses<T extends Record<number, TSchema>>(ok: T) {
  return { ...ok, '4xx': errorRef, '5xx': errorRef };
}

/** A database id: positive and within PostgreSQL's integer, so a huge number is a 400, not a database error. */
export const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

// Null first: with coerceTypes, ajv tries the union's members in order, and a number member first
// would turn a JSON null into 0.
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

/**
 * One of a list of strings (a domain enum): a plain string with `enum` on the wire, so the
 * serialiser stays fast and OpenAPI lists the values, typed as the union in TypeScript.
 */
export const OneOf = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

export const Role = OneOf(ROLES);
export type Role = Static<typeof Role>;
export const LOCALES = ['tr', 'en'] as const;
export const Locale = OneOf(LOCALES);
export type Locale = Static<typeof Locale>;

/** A write the client may retry (field tablets, survey answers): the same key on every retry, answered once. */
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 100, description: 'A UUID naming this write, the same on every retry' })) });
export type IdempotencyHeaders = Static<typeof IdempotencyHeaders>;

/** The body of a 204 answer: none. */
export const NoContent = Type.Null();

/** List answers are `{ items: [...] }`. */
export const Items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });
export interface Items<T> {
  items: T[];
}

/** A point on the map, checked to lie on the earth. */
export const Latitude = Type.Number({ minimum: -90, maximum: 90 });
export const Longitude = Type.Number({ minimum: -180, maximum: 180 });

/** Where the problem is, as every intake takes it (agent, portal, field): a place, an address, a point. */
export const ProblemPlaceFields = {
  districtId: Type.Optional(Nullable(Id)),
  neighbourhoodId: Type.Optional(Nullable(Id)),
  address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  latitude: Type.Optional(Nullable(Latitude)),
  longitude: Type.Optional(Nullable(Longitude)),
};

/** What the citizen says the problem is. */
export const Description = Type.String({ minLength: 1, maxLength: 5000 });

/**
 * The citizen as any intake gives them (agent, field, bus): every field optional, the same
 * limits everywhere. An e-mail address is at most 254 characters (RFC 5321).
 */
export const CitizenFields = {
  fullName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  tcKimlikNo: Type.Optional(Nullable(Type.String({ maxLength: 11 }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  locale: Type.Optional(Locale),
};
export const CitizenInput = Type.Object(CitizenFields, { additionalProperties: false });
export type CitizenInput = Static<typeof CitizenInput>;
