/**
 * The navigation model: every page, the permission it needs, and its menu label. A new page is
 * one line here; the navbar, the router and the "forbidden" check all read this list. Who may
 * see a page is who holds its permission (PERMISSIONS in packages/domain/src/roles.ts), the
 * same rule the server applies to the page's data.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { can, type Permission, type Role } from './api/roles';
import type tr from './i18n/tr.json';
import { matchPath } from './router';

export interface Page {
  /** May hold `:name` segments (`/requests/:id`); the page reads them with `matchPath`. */
  path: string;
  labelKey: `nav.${keyof typeof tr.nav}`;
  /** The permission that opens the page: the one the server asks for what the page shows or changes. */
  permission: Permission;
  component: LazyExoticComponent<ComponentType>;
  /** Pages reached from another page (a request's detail) stay out of the menu. */
  inMenu?: false;
}

export const PAGES: readonly Page[] = [
  { path: '/', labelKey: 'nav.home', permission: 'session.own', component: lazy(() => import('./pages/HomePage')) },
  { path: '/requests/new', labelKey: 'nav.newRequest', permission: 'requests.create', component: lazy(() => import('./pages/NewRequestPage')) },
  { path: '/requests', labelKey: 'nav.requests', permission: 'requests.read', component: lazy(() => import('./pages/RequestsPage')) },
  // After /requests/new, which it would otherwise swallow.
  { path: '/requests/:id', labelKey: 'nav.requestDetail', permission: 'requests.read', component: lazy(() => import('./pages/RequestDetailPage')), inMenu: false },
  { path: '/admin/users', labelKey: 'nav.users', permission: 'users.manage', component: lazy(() => import('./pages/UsersPage')) },
  { path: '/admin/units', labelKey: 'nav.units', permission: 'units.manage', component: lazy(() => import('./pages/UnitsPage')) },
  { path: '/admin/categories', labelKey: 'nav.categories', permission: 'categories.manage', component: lazy(() => import('./pages/CategoriesPage')) },
  { path: '/admin/request-types', labelKey: 'nav.requestTypes', permission: 'categories.manage', component: lazy(() => import('./pages/RequestTypesPage')) },
  { path: '/admin/calendar', labelKey: 'nav.calendar', permission: 'categories.manage', component: lazy(() => import('./pages/CalendarPage')) },
  { path: '/admin/open311', labelKey: 'nav.open311Clients', permission: 'open311.manage', component: lazy(() => import('./pages/Open311ClientsPage')) },
  { path: '/admin/message-templates', labelKey: 'nav.messageTemplates', permission: 'templates.manage', component: lazy(() => import('./pages/MessageTemplatesPage')) },
  { path: '/console', labelKey: 'nav.console', permission: 'contacts.record', component: lazy(() => import('./pages/ConsolePage')) },
  { path: '/wallboard', labelKey: 'nav.wallboard', permission: 'kpis.read', component: lazy(() => import('./pages/WallboardPage')) },
  { path: '/kpis', labelKey: 'nav.kpis', permission: 'kpis.read', component: lazy(() => import('./pages/KpisPage')) },
  { path: '/reports', labelKey: 'nav.reports', permission: 'reports.read', component: lazy(() => import('./pages/ReportsPage')) },
  { path: '/staffing', labelKey: 'nav.staffing', permission: 'kpis.read', component: lazy(() => import('./pages/StaffingPage')) },
  { path: '/kb', labelKey: 'nav.knowledgeBase', permission: 'kb.manage', component: lazy(() => import('./pages/KnowledgeBasePage')) },
  { path: '/surveys', labelKey: 'nav.surveys', permission: 'surveys.results', component: lazy(() => import('./pages/SurveysPage')) },
  // Before /surveys/:id, which it would otherwise match.
  { path: '/surveys/callbacks', labelKey: 'nav.surveyCallbacks', permission: 'surveys.callback', component: lazy(() => import('./pages/SurveyCallbacksPage')) },
  { path: '/surveys/:id', labelKey: 'nav.surveyResults', permission: 'surveys.results', component: lazy(() => import('./pages/SurveyResultsPage')), inMenu: false },
  { path: '/field/visits', labelKey: 'nav.fieldVisits', permission: 'field.plan', component: lazy(() => import('./pages/VisitsPage')) },
  // Rendered by App outside the frame (it works offline); listed here for the menu and the landing page.
  { path: '/field', labelKey: 'nav.fieldApp', permission: 'field.work', component: lazy(() => import('./pages/field/FieldApp')) },
  { path: '/privacy', labelKey: 'nav.privacy', permission: 'citizens.read', component: lazy(() => import('./pages/PrivacyPage')) },
  { path: '/audit', labelKey: 'nav.auditLog', permission: 'audit.read', component: lazy(() => import('./pages/AuditLogPage')) },
  { path: '/admin/sessions', labelKey: 'nav.staffSessions', permission: 'users.manage', component: lazy(() => import('./pages/StaffSessionsPage')) },
  { path: '/account/two-factor', labelKey: 'nav.twoFactor', permission: 'session.own', component: lazy(() => import('./pages/TwoFactorPage')) },
  { path: '/admin/routing', labelKey: 'nav.routing', permission: 'routing.read', component: lazy(() => import('./pages/RoutingRulesPage')) },
  // Development mode (DEV_OUTBOX); on other servers the page says it is off.
  { path: '/admin/dev-outbox', labelKey: 'nav.devOutbox', permission: 'devOutbox.read', component: lazy(() => import('./pages/DevOutboxPage')) },
];

/**
 * The administration part of the menu, in groups. A page listed here shows under its group;
 * every other page stands in the main part of the menu, in the order of PAGES. Who sees a page
 * is still only its permission: a group shows the pages its reader may visit, and no group
 * when there is none.
 */
export const MENU_GROUPS = [
  { key: 'people', paths: ['/admin/users', '/admin/units'] },
  { key: 'taxonomy', paths: ['/admin/categories', '/admin/request-types', '/admin/routing', '/admin/message-templates'] },
  { key: 'calendar', paths: ['/admin/calendar'] },
  { key: 'security', paths: ['/admin/sessions', '/privacy', '/audit'] },
  { key: 'integrations', paths: ['/admin/open311', '/admin/dev-outbox'] },
] as const satisfies readonly { key: keyof typeof tr.navGroups; paths: readonly string[] }[];

export interface MenuGroup {
  labelKey: `navGroups.${keyof typeof tr.navGroups}`;
  pages: Page[];
}

/** A role's menu: the main pages, then the administration groups that hold a page it may visit. */
export function menuTreeFor(role: Role): { main: Page[]; groups: MenuGroup[] } {
  const pages = menuFor(role);
  const grouped = new Set<string>(MENU_GROUPS.flatMap((group) => group.paths));
  return {
    main: pages.filter((page) => !grouped.has(page.path)),
    groups: MENU_GROUPS.map((group) => ({
      labelKey: `navGroups.${group.key}` as const,
      pages: group.paths.map((path) => pages.find((page) => page.path === path)).filter((page): page is Page => page !== undefined),
    })).filter((group) => group.pages.length > 0),
  };
}

/** Where each role lands after logging in. */
export const ROLE_HOME: Record<Role, string> = {
  admin: '/',
  supervisor: '/',
  agent: '/console',
  unit_head: '/requests',
  unit_staff: '/requests',
  field_staff: '/field',
  auditor: '/',
};

export const pageAt = (path: string): Page | undefined => PAGES.find((page) => matchPath(page.path, path) !== null);

export const mayVisit = (page: Page, role: Role): boolean => can(role, page.permission);

export const menuFor = (role: Role): Page[] => PAGES.filter((page) => page.inMenu !== false && mayVisit(page, role));
