import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, can, inUnitScope, readsCitizenText, scopedUnitId, seesPersonalData } from './roles.js';

describe('permissions', () => {
  it('gives user and taxonomy management to admins only', () => {
    for (const role of ROLES) {
      expect(can(role, 'users.manage')).toBe(role === 'admin');
      expect(can(role, 'categories.manage')).toBe(role === 'admin');
    }
  });

  it('names only known roles', () => {
    for (const roles of Object.values(PERMISSIONS)) for (const role of roles) expect(ROLES).toContain(role);
  });
});

describe('access policy', () => {
  it('lets only administrators change the texts citizens receive', () => {
    for (const role of ROLES) expect(can(role, 'templates.manage'), role).toBe(role === 'admin');
  });

  it('keeps unit roles to their own unit and lets the others reach every unit', () => {
    for (const role of ROLES) {
      const unitRole = role === 'unit_head' || role === 'unit_staff';
      const viewer = { role, unitId: unitRole ? 7 : null };
      expect(inUnitScope(viewer, 7), role).toBe(true);
      expect(inUnitScope(viewer, 8), role).toBe(!unitRole);
      // A city-wide article (no unit) is not a unit head's to change.
      expect(inUnitScope(viewer, null), role).toBe(!unitRole);
      expect(scopedUnitId(viewer), role).toBe(unitRole ? 7 : null);
    }
  });

  it('shows personal data in full only to roles that contact citizens, and their words only to request readers', () => {
    expect(ROLES.filter(seesPersonalData)).toEqual(['admin', 'supervisor', 'agent', 'unit_head', 'unit_staff']);
    expect(ROLES.filter(readsCitizenText)).toEqual(['admin', 'supervisor', 'agent', 'unit_head', 'unit_staff', 'auditor']);
    expect(seesPersonalData('someone')).toBe(false);
  });

  it('gives the call-back list (names and phones) to those who call back only', () => {
    expect(ROLES.filter((role) => can(role, 'surveys.callback'))).toEqual(['admin', 'supervisor', 'agent']);
  });
});
