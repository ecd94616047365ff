import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES } from '@cozum/domain';
import { PAGES, ROLE_HOME, mayVisit, menuFor, pageAt } from './navigation';

describe('navigation', () => {
  it('opens every page to exactly the roles that hold its permission in PERMISSIONS', () => {
    for (const page of PAGES) {
      const holders: readonly string[] = PERMISSIONS[page.permission];
      expect(ROLES.filter((role) => mayVisit(page, role)), page.path).toEqual(ROLES.filter((role) => holders.includes(role)));
    }
  });

  it("lists in each role's menu the pages it may visit, and no other", () => {
    for (const role of ROLES) {
      const expected = PAGES.filter((page) => page.inMenu !== false && (PERMISSIONS[page.permission] as readonly string[]).includes(role)).map((page) => page.path);
      expect(menuFor(role).map((page) => page.path), role).toEqual(expected);
    }
  });

  it('lands each role on a page it may visit', () => {
    for (const role of ROLES) {
      const home = pageAt(ROLE_HOME[role]);
      expect(home && mayVisit(home, role), `${role} → ${ROLE_HOME[role]}`).toBe(true);
    }
  });

  it('keeps the administration pages to administrators and the audit log from agents', () => {
    const visitors = (path: string) => ROLES.filter((role) => mayVisit(pageAt(path)!, role));
    expect(visitors('/admin/users')).toEqual(['admin']);
    expect(visitors('/audit')).toEqual(['admin', 'auditor']);
    expect(visitors('/requests/12')).toEqual(['admin', 'supervisor', 'agent', 'unit_head', 'unit_staff', 'auditor']);
  });
});
