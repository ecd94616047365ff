/**
 * The navigation model: every page, who may see it, and its menu label. A new page is one line
 * here; the navbar, the router and the "forbidden" check all read this list.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { ROLES, type Role } from './api/roles';
import type tr from './i18n/tr.json';

export interface Page {
  path: string;
  labelKey: `nav.${keyof typeof tr.nav}`;
  roles: readonly Role[];
  component: LazyExoticComponent<ComponentType>;
}

const ADMIN: readonly Role[] = ['admin'];

export const PAGES: readonly Page[] = [
  { path: '/', labelKey: 'nav.home', roles: ROLES, component: lazy(() => import('./pages/HomePage')) },
  { path: '/admin/users', labelKey: 'nav.users', roles: ADMIN, component: lazy(() => import('./pages/UsersPage')) },
  { path: '/admin/units', labelKey: 'nav.units', roles: ADMIN, component: lazy(() => import('./pages/UnitsPage')) },
  { path: '/admin/categories', labelKey: 'nav.categories', roles: ADMIN, component: lazy(() => import('./pages/CategoriesPage')) },
];

/** Where each role lands after logging in. */
export const ROLE_HOME: Record<Role, string> = {
  admin: '/',
  supervisor: '/',
  agent: '/',
  unit_head: '/',
  unit_staff: '/',
  field_staff: '/',
  auditor: '/',
};

export const pageAt = (path: string): Page | undefined => PAGES.find((page) => page.path === path);

export const mayVisit = (page: Page, role: Role): boolean => page.roles.includes(role);

export const menuFor = (role: Role): Page[] => PAGES.filter((page) => mayVisit(page, role));
