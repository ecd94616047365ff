/** Work per unit: the requests each unit still owes an answer, and the people a unit's requests go to. */
import { Type, type Static } from 'typebox';
import { Items, Role } from './common.js';

/** Open requests per unit now (open: the city still owes an answer; overdue: marked by the deadline sweeper). */
export const OpenRequestsByUnit = Type.Object({
  at: Type.String(),
  units: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      code: Type.String(),
      nameTr: Type.String(),
      nameEn: Type.String(),
      open: Type.Integer(),
      overdue: Type.Integer({ description: 'open and past the SLA or legal deadline' }),
    }),
  ),
});
export type OpenRequestsByUnit = Static<typeof OpenRequestsByUnit>;

/** Someone a unit's requests may be assigned to: an active member of the unit. */
export const Assignee = Type.Object({ id: Type.Integer(), displayName: Type.String(), role: Role });
export type Assignee = Static<typeof Assignee>;
export const Assignees = Items(Assignee);
export type Assignees = Static<typeof Assignees>;
