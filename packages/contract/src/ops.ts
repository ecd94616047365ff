/** What operators and load balancers read: liveness and the database behind it. */
import { Type, type Static } from 'typebox';
import { OneOf } from './common.js';

export const Health = Type.Object({ status: OneOf(['ok', 'unavailable'] as const), database: OneOf(['pglite', 'postgresql'] as const) });
export type Health = Static<typeof Health>;
