import type { Assignee, Assignees, OpenRequestsByUnit } from '@cozum/contract';
import { api } from './client';

export type { Assignee, OpenRequestsByUnit } from '@cozum/contract';

/** Open and overdue requests per unit now (report readers). */
export const getOpenRequestsByUnit = () => api.get<OpenRequestsByUnit>('/requests/open-by-unit');

/** The people a unit's requests may be assigned to (those who may assign; unit heads their own unit). */
export const listAssignees = (unitId: number) => api.get<Assignees>(`/units/${unitId}/assignees`).then((r): Assignee[] => r.items);
