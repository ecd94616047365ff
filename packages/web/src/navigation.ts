/**
 * The navigation model: every page, who may see it, and its menu label. A new page is one line
 * here; the navbar, the router and the "forbidden" check all read this list.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { ROLES, type Role } from './api/roles';
import type tr from './i18n/tr.json';
import { matchPath } from './router';

export interface Page {
  /** May hold `:name` segments (`/requests/:id`); the page reads them with `matchPath`. */
  path: string;
  labelKey: `nav.${keyof typeof tr.nav}`;
  roles: readonly Role[];
  component: LazyExoticComponent<ComponentType>;
  /** Pages reached from another page (a request's detail) stay out of the menu. */
  inMenu?: false;
}

const ADMIN: readonly Role[] = ['admin'];
const RECORDERS: readonly Role[] = ['admin', 'supervisor', 'agent', 'field_staff', 'unit_head', 'unit_staff'];
const INBOX: readonly Role[] = ['admin', 'supervisor', 'agent', 'unit_head', 'unit_staff', 'auditor'];

export const PAGES: readonly Page[] = [
  { path: '/', labelKey: 'nav.home', roles: ROLES, component: lazy(() => import('./pages/HomePage')) },
  { path: '/requests/new', labelKey: 'nav.newRequest', roles: RECORDERS, component: lazy(() => import('./pages/NewRequestPage')) },
  { path: '/requests', labelKey: 'nav.requests', roles: INBOX, component: lazy(() => import('./pages/RequestsPage')) },
  // After /requests/new, which it would otherwise swallow.
  { path: '/requests/:id', labelKey: 'nav.requestDetail', roles: INBOX, component: lazy(() => import('./pages/RequestDetailPage')), inMenu: false },
  { path: '/admin/users', labelKey: 'nav.users', roles: ADMIN, component: lazy(() => import('./pages/UsersPage')) },
  { path: '/admin/units', labelKey: 'nav.units', roles: ADMIN, component: lazy(() => import('./pages/UnitsPage')) },
  { path: '/admin/categories', labelKey: 'nav.categories', roles: ADMIN, component: lazy(() => import('./pages/CategoriesPage')) },
  { path: '/admin/calendar', labelKey: 'nav.calendar', roles: ADMIN, component: lazy(() => import('./pages/CalendarPage')) },
  { path: '/admin/open311', labelKey: 'nav.open311Clients', roles: ADMIN, component: lazy(() => import('./pages/Open311ClientsPage')) },
  { path: '/admin/message-templates', labelKey: 'nav.messageTemplates', roles: ADMIN, component: lazy(() => import('./pages/MessageTemplatesPage')) },
  { path: '/console', labelKey: 'nav.console', roles: ['admin', 'supervisor', 'agent', 'field_staff'], component: lazy(() => import('./pages/ConsolePage')) },
  { path: '/wallboard', labelKey: 'nav.wallboard', roles: ['admin', 'supervisor', 'auditor'], component: lazy(() => import('./pages/WallboardPage')) },
  { path: '/kpis', labelKey: 'nav.kpis', roles: ['admin', 'supervisor', 'auditor'], component: lazy(() => import('./pages/KpisPage')) },
  { path: '/reports', labelKey: 'nav.reports', roles: ['admin', 'supervisor', 'auditor', 'unit_head'], component: lazy(() => import('./pages/ReportsPage')) },
  { path: '/staffing', labelKey: 'nav.staffing', roles: ['admin', 'supervisor', 'auditor'], component: lazy(() => import('./pages/StaffingPage')) },
  { path: '/kb', labelKey: 'nav.knowledgeBase', roles: ['admin', 'supervisor', 'unit_head'], component: lazy(() => import('./pages/KnowledgeBasePage')) },
  { path: '/surveys', labelKey: 'nav.surveys', roles: ['admin', 'supervisor', 'auditor'], component: lazy(() => import('./pages/SurveysPage')) },
  // Before /surveys/:id, which it would otherwise match.
  { path: '/surveys/callbacks', labelKey: 'nav.surveyCallbacks', roles: ['admin', 'supervisor', 'agent'], component: lazy(() => import('./pages/SurveyCallbacksPage')) },
  { path: '/surveys/:id', labelKey: 'nav.surveyResults', roles: ['admin', 'supervisor', 'auditor'], component: lazy(() => import('./pages/SurveyResultsPage')), inMenu: false },
  { path: '/field/visits', labelKey: 'nav.fieldVisits', roles: ['admin', 'supervisor'], component: lazy(() => import('./pages/VisitsPage')) },
  // Rendered by App outside the frame (it works offline); listed here for the menu and the landing page.
  { path: '/field', labelKey: 'nav.fieldApp', roles: ['admin', 'supervisor', 'field_staff'], component: lazy(() => import('./pages/field/FieldApp')) },
  { path: '/privacy', labelKey: 'nav.privacy', roles: ['admin', 'supervisor', 'agent'], component: lazy(() => import('./pages/PrivacyPage')) },
  { path: '/audit', labelKey: 'nav.auditLog', roles: ['admin', 'auditor'], component: lazy(() => import('./pages/AuditLogPage')) },
  { path: '/admin/sessions', labelKey: 'nav.staffSessions', roles: ADMIN, component: lazy(() => import('./pages/StaffSessionsPage')) },
  { path: '/account/two-factor', labelKey: 'nav.twoFactor', roles: ROLES, component: lazy(() => import('./pages/TwoFactorPage')) },
  { path: '/admin/routing', labelKey: 'nav.routing', roles: ['admin', 'supervisor'], component: lazy(() => import('./pages/RoutingRulesPage')) },
];

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

export const mayVisit = (page: Page, role: Role): boolean => page.roles.includes(role);

export const menuFor = (role: Role): Page[] => PAGES.filter((page) => page.inMenu !== false && mayVisit(page, role));
