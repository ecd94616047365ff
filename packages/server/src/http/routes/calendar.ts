import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deleteHoliday, getWorkingHours, listHolidays, saveHoliday, saveWorkingHours } from '../../app/calendar-admin.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Items, responses } from '@cozum/contract';

const Holiday = Type.Object({ date: Type.String({ format: 'date' }), nameTr: Type.String({ minLength: 1, maxLength: 200 }), nameEn: Type.String({ minLength: 1, maxLength: 200 }), halfDay: Type.Boolean() }, { additionalProperties: false });
const Interval = Type.Object({ start: Type.String({ pattern: '^\\d\\d:\\d\\d$' }), end: Type.String({ pattern: '^\\d\\d:\\d\\d$' }) }, { additionalProperties: false });
const WorkingHours = Type.Record(Type.String({ pattern: '^[1-7]$' }), Type.Array(Interval, { maxItems: 6 }));

export const calendarRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.get(
    '/holidays',
    { config: { access: 'reference.read' }, schema: { tags: ['calendar'], summary: 'Public holidays (half days end work at 12:00)', querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false }), response: responses({ 200: Items(Holiday) }) } },
    async (request) => ({ items: (await listHolidays(db, request.query.year)).map((h) => ({ ...h, date: String(h.date) })) }),
  );
  app.put(
    '/holidays',
    { config: { access: 'categories.manage' }, schema: { tags: ['calendar'], summary: 'Add or change a holiday', body: Holiday, response: responses({ 204: Type.Null() }) } },
    async (request, reply) => {
      await db.transaction((tx) => saveHoliday(tx, currentUser(request), request.body));
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/holidays/:date',
    { config: { access: 'categories.manage' }, schema: { tags: ['calendar'], summary: 'Remove a holiday', params: Type.Object({ date: Type.String({ format: 'date' }) }, { additionalProperties: false }), response: responses({ 204: Type.Null() }) } },
    async (request, reply) => {
      await db.transaction((tx) => deleteHoliday(tx, currentUser(request), request.params.date));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/working-hours',
    { config: { access: 'reference.read' }, schema: { tags: ['calendar'], summary: 'Office hours per ISO weekday (1 = Monday)', response: responses({ 200: WorkingHours }) } },
    async () => getWorkingHours(db),
  );
  app.put(
    '/working-hours',
    { config: { access: 'categories.manage' }, schema: { tags: ['calendar'], summary: 'Set office hours per ISO weekday', body: WorkingHours, response: responses({ 204: Type.Null() }) } },
    async (request, reply) => {
      await db.transaction((tx) => saveWorkingHours(tx, currentUser(request), request.body));
      return reply.status(204).send(null);
    },
  );
};
