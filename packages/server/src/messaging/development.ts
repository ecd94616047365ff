/**
 * Development mode (DEV_OUTBOX): the sender of a channel that has no provider. It sends
 * nothing; the dispatcher marks its messages sent with `dev_outbox`, and administrators read
 * them in the development outbox (app/dev-outbox.ts). Never on a server citizens use.
 */
import type { EmailSender } from './email.js';
import type { SmsSender } from './sms.js';

export const developmentSender = (): SmsSender & EmailSender => ({
  development: true,
  send: async () => undefined,
  close: () => undefined,
});
