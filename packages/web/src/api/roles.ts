/** Staff roles, as the server names them (DESIGN.md section 2). */
export const ROLES = ['admin', 'supervisor', 'agent', 'unit_head', 'unit_staff', 'field_staff', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose work is scoped to one unit: the server refuses them without a unitId. */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['unit_head', 'unit_staff'];

export const isUnitScoped = (role: Role): boolean => UNIT_SCOPED_ROLES.includes(role);
