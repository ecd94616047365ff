import type { DevOutbox, DevOutboxQuery } from '@cozum/contract';
import { api } from './client';

export type { DevOutbox, DevOutboxMessage } from '@cozum/contract';

/** Development mode (DEV_OUTBOX): the SMS and e-mail kept instead of sent; 404 dev_outbox.off elsewhere. */
export const devOutbox = (query: DevOutboxQuery = {}) => api.get<DevOutbox>('/dev-outbox', query);
