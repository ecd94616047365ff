// Staff roles (DESIGN.md section 2) and their permissions are the domain's, not a copy: the lists
// as the contract gives them, the rules (who may, who is bound to a unit) from the domain.
export { PERMISSIONS, ROLES, type Permission, type Role } from '@cozum/contract';
export { UNIT_SCOPED_ROLES, can, isUnitScoped } from '@cozum/domain';
