/** Shared TypeBox schemas: validation, serialisation and the OpenAPI document from one place. */
import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { ROLES } from '@cozum/domain';

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Array(Type.Object({ field: Type.Optional(Type.String()), message: Type.String() }))),
      requestId: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorResponse' },
);

const errorRef = Type.Ref('ErrorResponse');

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

export const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));
export const Locale = Type.Union([Type.Literal('tr'), Type.Literal('en')]);

export const Items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });
