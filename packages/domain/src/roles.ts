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
  'templates.manage': ['admin', 'unit_head'],
  /** Search the audit log: who did what, when, to whom. */
  'audit.read': ['admin', 'auditor'],
  /** Find a citizen and open their full record, stating a purpose each time (KVKK). */
  'citizens.read': ['admin', 'supervisor', 'agent'],
  /** KVKK art. 11 requests: export everything held about a person, anonymise them; the retention policy. */
  'privacy.manage': ['admin'],
  /** Open311 client applications and their api_keys. */
  'open311.manage': ['admin'],
  /** Write surveys, open and close them, hand out links; see the results and export them. */
  'surveys.manage': ['admin', 'supervisor'],
  /** See the surveys and their questions (to ask them). */
  'surveys.read': ['admin', 'supervisor', 'auditor', 'agent', 'field_staff'],
  /** Results per question and the CSV export. */
  'surveys.results': ['admin', 'supervisor', 'auditor'],
  /** Take a citizen's answers: agents on a call-back, field teams on their tablets. */
  'surveys.answer': ['admin', 'supervisor', 'agent', 'field_staff'],
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
