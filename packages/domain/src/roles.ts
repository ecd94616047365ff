/** Staff roles (DESIGN.md section 2). Citizens are not staff and have no role. */
export const ROLES = [
  'admin',
  'supervisor',
  'agent',
  'unit_head',
  'unit_staff',
  'field_staff',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose work is scoped to one unit: they must belong to a unit and see only its work. */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['unit_head', 'unit_staff'];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * Every protected action names one permission; a route without a permission is refused.
 * One line per permission: the roles that hold it.
 */
export const PERMISSIONS = {
  'session.own': ROLES,
  'reference.read': ROLES,
  'users.read': ['admin'],
  'users.manage': ['admin'],
  'units.read': ROLES,
  'units.manage': ['admin'],
  'categories.read': ROLES,
  'categories.manage': ['admin'],
  'routing.read': ['admin', 'supervisor'],
  'routing.manage': ['admin'],
  /** Record a request: agents on calls, field teams, supervisors and unit staff taking one in person. */
  'requests.create': ['admin', 'supervisor', 'agent', 'field_staff', 'unit_head', 'unit_staff'],
  /** See requests: unit staff only their unit's (enforced in the use case). */
  'requests.read': ['admin', 'supervisor', 'agent', 'unit_head', 'unit_staff', 'auditor'],
  /** Work a request: start, hold, reply, resolve, transfer, refer, reject, note. */
  'requests.work': ['admin', 'supervisor', 'unit_head', 'unit_staff'],
  /** Assign requests to people (bulk too). */
  'requests.assign': ['admin', 'supervisor', 'unit_head'],
  'kb.read': ['admin', 'supervisor', 'agent', 'unit_head', 'unit_staff', 'field_staff', 'auditor'],
  /** Write articles: unit heads only their own unit's (see inUnitScope). */
  'kb.manage': ['admin', 'supervisor', 'unit_head'],
  /** Record contacts and see a caller's history (screen-pop). */
  'contacts.record': ['admin', 'supervisor', 'agent', 'field_staff'],
  'contacts.read': ['admin', 'supervisor', 'auditor'],
  /** Contact-centre figures: the supervisor's wallboard and reports. */
  'kpis.read': ['admin', 'supervisor', 'auditor'],
  /** The annual report and dashboards (every unit's figures, no personal data). */
  'reports.read': ['admin', 'supervisor', 'auditor', 'unit_head'],
  /** Change the service-level threshold and short-abandon limit every report counts with. */
  'kpis.manage': ['admin', 'supervisor'],
  /** See every agent's state: supervisors on the wallboard, agents beside their console. */
  'agents.read': ['admin', 'supervisor', 'auditor', 'agent', 'field_staff'],
  'templates.read': ['admin', 'supervisor', 'unit_head', 'unit_staff'],
  /** The texts every citizen receives (SMS, e-mail, replies): one unit's head must not rewrite the city's messages. */
  'templates.manage': ['admin'],
  /** Search the audit log: who did what, when, to whom. */
  'audit.read': ['admin', 'auditor'],
  /** Find a citizen and open their full record, stating a purpose each time (KVKK). */
  'citizens.read': ['admin', 'supervisor', 'agent'],
  /** KVKK art. 11 requests: export everything held about a person, anonymise them; the retention policy. */
  'privacy.manage': ['admin'],
  /** Open311 client applications and their api_keys. */
  'open311.manage': ['admin'],
  /** Development mode (DEV_OUTBOX): read the SMS and e-mail kept instead of sent, portal codes among them. */
  'devOutbox.read': ['admin'],
  /** Write surveys, open and close them, hand out links; see the results and export them. */
  'surveys.manage': ['admin', 'supervisor'],
  /** See the surveys and their questions (to ask them). */
  'surveys.read': ['admin', 'supervisor', 'auditor', 'agent', 'field_staff'],
  /** Results per question and the CSV export. */
  'surveys.results': ['admin', 'supervisor', 'auditor'],
  /** Take a citizen's answers: agents on a call-back, field teams on their tablets. */
  'surveys.answer': ['admin', 'supervisor', 'agent', 'field_staff'],
  /** The call-back list: names and phone numbers of citizens to call, so only those who call. */
  'surveys.callback': ['admin', 'supervisor', 'agent'],
  /** Plan the Mobile Solution Bus and field teams' visits; read the visit reports. */
  'field.plan': ['admin', 'supervisor'],
  /** The field app: visits, requests and answers taken face to face, work orders closed on site. */
  'field.work': ['admin', 'supervisor', 'field_staff'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export const isPermission = (value: string): value is Permission => value in PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Who is looking: the policy below needs the role and, for unit roles, the unit. */
export interface Viewer {
  role: string;
  unitId: number | null;
}

export const isUnitScoped = (role: string): boolean => (UNIT_SCOPED_ROLES as readonly string[]).includes(role);

/**
 * Unit scope, the one rule every route applies to requests, their duplicates and a unit's
 * knowledge-base articles: unit staff and heads reach their own unit's only, other roles any.
 * An article for no unit (`null`) is the whole city's, so not a unit role's to change.
 */
export const inUnitScope = (viewer: Viewer, unitId: number | null): boolean => !isUnitScoped(viewer.role) || (unitId !== null && unitId === viewer.unitId);

/** The unit a viewer's request lists are limited to, whatever they ask for; null for every unit. */
export const scopedUnitId = (viewer: Viewer): number | null => (isUnitScoped(viewer.role) ? viewer.unitId : null);

/**
 * KVKK (DESIGN.md section 9): who sees a citizen's name, phone, TC kimlik no, e-mail and
 * address in full. Roles that contact citizens in their work do; field staff and auditors see
 * them masked (field staff hear them from the person in front of them; auditors check what
 * staff did, not whom they served).
 */
export const FULL_PERSONAL_DATA_ROLES: readonly Role[] = ['admin', 'supervisor', 'agent', 'unit_head', 'unit_staff'];

export const seesPersonalData = (role: string): boolean => (FULL_PERSONAL_DATA_ROLES as readonly string[]).includes(role);

/** A citizen's own words (a request's description) go only to roles that read requests. */
export const readsCitizenText = (role: string): boolean => isRole(role) && can(role, 'requests.read');
