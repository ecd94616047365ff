import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES } from '@cozum/domain';
import { MENU_GROUPS, PAGES, ROLE_HOME, mayVisit, menuFor, menuTreeFor, pageAt } from './navigation';

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

  it('groups the menu without adding or hiding a page: each role sees in its groups exactly what PERMISSIONS opens to it', () => {
    for (const role of ROLES) {
      const tree = menuTreeFor(role);
      const shown = [...tree.main, ...tree.groups.flatMap((group) => group.pages)].map((page) => page.path).sort();
      expect(shown, role).toEqual(menuFor(role).map((page) => page.path).sort());
      for (const group of tree.groups) expect(group.pages.length, `${role}: ${group.labelKey}`).toBeGreaterThan(0);
    }
    expect(menuTreeFor('agent').groups.flatMap((group) => group.pages.map((page) => page.path))).toEqual(['/privacy']);
    expect(menuTreeFor('unit_staff').groups).toEqual([]);
  });

  it('puts every administration page in one group, and names in the groups only menu pages', () => {
    const grouped = MENU_GROUPS.flatMap((group) => group.paths as readonly string[]);
    expect(new Set(grouped).size).toBe(grouped.length);
    for (const path of grouped) expect(PAGES.find((page) => page.path === path && page.inMenu !== false), path).toBeDefined();
    for (const page of PAGES.filter((p) => p.path.startsWith('/admin/'))) expect(grouped, page.path).toContain(page.path);
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
