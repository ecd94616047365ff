/** Units: the municipality's departments and branches that requests are routed to. */
import { Type, type Static } from 'typebox';
import { Id, Items, Nullable } from './common.js';

/** Registered once by the server (`$id` Unit): the routes answer with a reference to it. */
export const Unit = Type.Object(
  { id: Type.Integer(), code: Type.String(), nameTr: Type.String(), nameEn: Type.String(), parentId: Nullable(Type.Integer()), active: Type.Boolean() },
  { $id: 'Unit' },
);
export type Unit = Static<typeof Unit>;
/** The registered Unit schema by reference, typed as the unit. */
export const UnitRef = Type.Unsafe<Unit>(Type.Ref('Unit'));
export const Units = Items(UnitRef);

const Name = Type.String({ minLength: 1, maxLength: 200 });

export const CreateUnitBody = Type.Object({ code: Type.String({ minLength: 2, maxLength: 64 }), nameTr: Name, nameEn: Name, parentId: Type.Optional(Nullable(Id)) }, { additionalProperties: false });
export type CreateUnitBody = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = Type.Object(
  { nameTr: Type.Optional(Name), nameEn: Type.Optional(Name), parentId: Type.Optional(Nullable(Id)), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUnitBody = Static<typeof UpdateUnitBody>;
