/** The development outbox (DEV_OUTBOX), for administrators; a server not in development mode has none. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '@cozum/domain';
import { listDevOutbox } from '../../app/dev-outbox.js';
import { emailDelivery, smsDelivery } from '../../config.js';
import type { Deps } from '../deps.js';
import { DevOutbox, DevOutboxQuery, responses } from '@cozum/contract';

export const devOutboxRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.get(
    '/dev-outbox',
    {
      config: { access: 'devOutbox.read' },
      schema: {
        tags: ['ops'],
        summary: 'Development mode (DEV_OUTBOX): the SMS and e-mail kept instead of sent, newest first, portal codes among them; 404 dev_outbox.off on a server not in development mode',
        querystring: DevOutboxQuery,
        response: responses({ 200: DevOutbox }),
      },
    },
    async (request) => {
      // Outside development mode the outbox holds messages that really go to citizens: not shown here.
      if (!deps.config.devOutbox) throw new DomainError('dev_outbox.off', 'the development outbox is off on this server (DEV_OUTBOX is false): SMS and e-mail go to their providers or wait in the outbox');
      return { sms: smsDelivery(deps.config), email: emailDelivery(deps.config), items: await listDevOutbox(deps.database.db, request.query.limit ?? 50) };
    },
  );
};
