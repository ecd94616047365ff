/**
 * KVKK: finding a citizen (masked), opening their full record with a stated purpose,
 * consents, the data-subject export (JSON or PDF) and anonymisation, and the retention policy.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { anonymiseCitizen } from '../../app/privacy/anonymise.js';
import { findCitizens, openCitizenRecord } from '../../app/privacy/citizen-record.js';
import { exportCitizenData } from '../../app/privacy/citizen-data.js';
import { citizenDataPdf } from '../../app/privacy/citizen-data-pdf.js';
import { listConsents, recordConsent } from '../../app/privacy/consents.js';
import { getRetentionPolicy, listRetentionRuns, runRetention, setRetentionPolicy } from '../../app/privacy/retention.js';
import { currentUser } from '../access.js';
import { errorBody } from '../errors.js';
import type { Deps } from '../deps.js';
import {
  AnonymiseBody,
  AnonymisedCounts,
  CitizenExport,
  CitizenExportBody,
  CitizenSearchQuery,
  CitizenSummaries,
  CitizenSummary,
  CitizenViewBody,
  Consent,
  ConsentBody,
  Consents,
  IdParams,
  responses,
  Retention,
  RetentionPolicy,
  RetentionPolicyChange,
  RetentionRun,
  RetentionRunBody,
} from '@cozum/contract';

export const privacyRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;

  app.get(
    '/citizens',
    {
      config: { access: 'citizens.read' },
      schema: {
        tags: ['privacy'],
        summary: 'Find citizens by phone, TC kimlik no, e-mail or name; personal data masked',
        querystring: CitizenSearchQuery,
        response: responses({ 200: CitizenSummaries }),
      },
    },
    async (request) => ({ items: await findCitizens(db, request.query.q) }),
  );

  // A POST, not a GET with the purpose in the URL: opening writes the audit log, and a link
  // from another site must not be able to plant an entry with a purpose of its choosing.
  app.post(
    '/citizens/:id/views',
    {
      config: { access: 'citizens.read' },
      schema: {
        tags: ['privacy'],
        summary: "Open a citizen's full record, unmasked; the purpose is required and logged (personal_data.view)",
        params: IdParams,
        body: CitizenViewBody,
        response: responses({ 200: CitizenSummary }),
      },
    },
    async (request) => db.transaction((tx) => openCitizenRecord(tx, currentUser(request), request.params.id, { purpose: request.body.purpose, ip: request.ip })),
  );

  app.get(
    '/citizens/:id/consents',
    { config: { access: 'citizens.read' }, schema: { tags: ['privacy'], summary: "A citizen's consents and privacy-notice acknowledgements", params: IdParams, response: responses({ 200: Consents }) } },
    async (request) => ({ items: await listConsents(db, request.params.id) }),
  );

  app.post(
    '/citizens/:id/consents',
    {
      config: { access: 'requests.create' },
      schema: {
        tags: ['privacy'],
        summary: 'Record a consent, its withdrawal, or that the privacy notice was given',
        params: IdParams,
        body: ConsentBody,
        response: responses({ 201: Consent }),
      },
    },
    async (request, reply) => {
      const consent = await db.transaction((tx) => recordConsent(tx, currentUser(request), request.params.id, { ...request.body, ip: request.ip, now: deps.now() }));
      return reply.status(201).send(consent);
    },
  );

  // A POST for the same reason as opening a record: the export is logged with its purpose.
  app.post(
    '/privacy/citizens/:id/export',
    {
      config: { access: 'privacy.manage' },
      schema: {
        tags: ['privacy'],
        summary: 'Everything held about a person (KVKK art. 11), as JSON or PDF; logged with its purpose',
        params: IdParams,
        body: CitizenExportBody,
        response: responses({ 200: CitizenExport }),
      },
    },
    async (request, reply) => {
      const format = request.body.format ?? 'json';
      const data = await db.transaction((tx) => exportCitizenData(tx, currentUser(request), request.params.id, { purpose: request.body.purpose, format, ip: request.ip, now: deps.now() }));
      const name = `kisisel-veri-${request.params.id}-${data.generatedAt.slice(0, 10)}`;
      reply.header('cache-control', 'no-store');
      if (format === 'pdf') return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(await citizenDataPdf(data));
      return reply.type('application/json').header('content-disposition', `attachment; filename="${name}.json"`).send(JSON.stringify(data, null, 2));
    },
  );

  app.post(
    '/privacy/citizens/:id/anonymise',
    {
      config: { access: 'privacy.manage' },
      schema: {
        tags: ['privacy'],
        summary: "Anonymise a person: personal fields overwritten, requests kept without them; logged",
        params: IdParams,
        body: AnonymiseBody,
        response: responses({ 200: AnonymisedCounts }),
      },
    },
    async (request) => db.transaction((tx) => anonymiseCitizen(tx, currentUser(request), request.params.id, { ...request.body, ip: request.ip, now: deps.now() })),
  );

  app.get(
    '/privacy/retention',
    {
      config: { access: 'privacy.manage' },
      schema: {
        tags: ['privacy'],
        summary: 'The retention policy (years per data class), how often it runs, and its recent runs',
        response: responses({ 200: Retention }),
      },
    },
    async () => ({ policy: await getRetentionPolicy(db), intervalDays: deps.config.retentionIntervalDays, runs: await listRetentionRuns(db) }),
  );

  app.put(
    '/privacy/retention/policy',
    {
      config: { access: 'privacy.manage' },
      schema: { tags: ['privacy'], summary: 'Change the years kept per data class', body: RetentionPolicyChange, response: responses({ 200: RetentionPolicy }) },
    },
    async (request) => db.transaction((tx) => setRetentionPolicy(tx, currentUser(request), request.body)),
  );

  app.post(
    '/privacy/retention/runs',
    {
      config: { access: 'privacy.manage' },
      schema: {
        tags: ['privacy'],
        summary: 'Apply the retention policy now (or count what it would do, with dryRun)',
        body: RetentionRunBody,
        response: responses({ 201: RetentionRun }),
      },
    },
    async (request, reply) => {
      const run = await db.transaction((tx) => runRetention(tx, { now: deps.now(), dryRun: request.body.dryRun, trigger: 'api', actor: currentUser(request) }));
      if (!run) return reply.status(409).send(errorBody('retention.conflict', 'another retention run is in progress; try again in a minute'));
      return reply.status(201).send(run);
    },
  );
};
