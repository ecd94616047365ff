import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, can } from './roles.js';

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
