// Staff roles (DESIGN.md section 2) and their permissions are the domain's, not a copy.
export { PERMISSIONS, ROLES, UNIT_SCOPED_ROLES, can, isUnitScoped, type Permission, type Role } from '@cozum/domain';
