/** Routing rules: which unit gets a category's requests, anywhere or in a district or neighbourhood. */
import { Type, type Static } from 'typebox';
import { Id, Items, Nullable } from './common.js';

/** Sends a category's requests, in a district or neighbourhood or anywhere, to a unit. */
export const RoutingRule = Type.Object({ id: Type.Integer(), categoryId: Type.Integer(), districtId: Nullable(Type.Integer()), neighbourhoodId: Nullable(Type.Integer()), unitId: Type.Integer(), active: Type.Boolean() });
export type RoutingRule = Static<typeof RoutingRule>;
export const RoutingRules = Items(RoutingRule);

export const CreateRoutingRuleBody = Type.Object({ categoryId: Id, districtId: Type.Optional(Nullable(Id)), neighbourhoodId: Type.Optional(Nullable(Id)), unitId: Id }, { additionalProperties: false });
export type CreateRoutingRuleBody = Static<typeof CreateRoutingRuleBody>;

export const UpdateRoutingRuleBody = Type.Object(
  { categoryId: Type.Optional(Id), districtId: Type.Optional(Nullable(Id)), neighbourhoodId: Type.Optional(Nullable(Id)), unitId: Type.Optional(Id), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRoutingRuleBody = Static<typeof UpdateRoutingRuleBody>;
