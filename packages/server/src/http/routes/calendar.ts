import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deleteHoliday, getWorkingHours, listHolidays, saveHoliday, saveWorkingHours } from '../../app/calendar-admin.js';
import { currentUser } from '../access.js';
import type { Deps } from '../deps.js';
import { Holiday, HolidayParams, Holidays, HolidaysQuery, NoContent, WorkingHours, responses } from '@cozum/contract';

export const calendarRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;
  app.get(
    '/holidays',
    { config: { access: 'reference.read' }, schema: { tags: ['calendar'], summary: 'Public holidays (half days end work at 12:00)', querystring: HolidaysQuery, response: responses({ 200: Holidays }) } },
    async (request) => ({ items: (await listHolidays(db, request.query.year)).map((h) => ({ ...h, date: String(h.date) })) }),
  );
  app.put(
    '/holidays',
    { config: { access: 'categories.manage' }, schema: { tags: ['calendar'], summary: 'Add or change a holiday', body: Holiday, response: responses({ 204: NoContent }) } },
    async (request, reply) => {
      await db.transaction((tx) => saveHoliday(tx, currentUser(request), request.body));
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/holidays/:date',
    { config: { access: 'categories.manage' }, schema: { tags: ['calendar'], summary: 'Remove a holiday', params: HolidayParams, response: responses({ 204: NoContent }) } },
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
    { config: { access: 'categories.manage' }, schema: { tags: ['calendar'], summary: 'Set office hours per ISO weekday', body: WorkingHours, response: responses({ 204: NoContent }) } },
    async (request, reply) => {
      await db.transaction((tx) => saveWorkingHours(tx, currentUser(request), request.body));
      return reply.status(204).send(null);
    },
  );
};
