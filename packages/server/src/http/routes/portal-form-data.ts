/**
 * What the portal's form needs, open to anyone: the privacy notice and photo limits, the topics
 * a citizen may choose, the districts and neighbourhoods, and the district boundaries for the map.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listDistricts, listNeighbourhoods } from '../../app/places-and-request-types.js';
import { listPortalCategories } from '../../app/portal/categories.js';
import { CODE_LENGTH, MAX_PHOTOS_PER_REQUEST, PHOTO_TYPES } from '../../app/portal/limits.js';
import { NOTICE_VERSION, PRIVACY_NOTICE } from '../../app/portal/notice.js';
import { districtBoundaries } from '../../app/portal/places.js';
import { MAX_ATTACHMENT_BYTES } from '../../app/requests/attachments.js';
import { smsDelivery } from '../../config.js';
import type { Deps } from '../deps.js';
import { IdParams, Items, PortalCategory, PortalConfig, PortalDistrictBoundaries, Place, responses } from '@cozum/contract';

export const portalFormDataRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const db = deps.database.db;

  app.get(
    '/portal/config',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'What the portal form needs: the privacy notice and its version, photo limits, the map tiles (MAP_TILE_URL) if any, and how codes reach a phone here (sms)',
        response: responses({ 200: PortalConfig }),
      },
    },
    async () => ({ noticeVersion: NOTICE_VERSION, notice: PRIVACY_NOTICE, codeLength: CODE_LENGTH, maxPhotoBytes: MAX_ATTACHMENT_BYTES, maxPhotos: MAX_PHOTOS_PER_REQUEST, photoTypes: [...PHOTO_TYPES], mapTiles: deps.config.mapTileUrl ? { url: deps.config.mapTileUrl, attribution: deps.config.mapTileAttribution } : null, sms: smsDelivery(deps.config) }),
  );

  app.get(
    '/portal/categories',
    {
      config: { access: 'public' },
      schema: { tags: ['portal'], summary: 'Topics a citizen may choose, with their group', response: responses({ 200: Items(PortalCategory) }) },
    },
    async () => ({ items: await listPortalCategories(db) }),
  );

  app.get('/portal/districts', { config: { access: 'public' }, schema: { tags: ['portal'], summary: "The city's districts", response: responses({ 200: Items(Place) }) } }, async () => ({ items: await listDistricts(db) }));
  app.get(
    '/portal/districts/:id/neighbourhoods',
    { config: { access: 'public' }, schema: { tags: ['portal'], summary: 'Neighbourhoods of a district', params: IdParams, response: responses({ 200: Items(Place) }) } },
    async (request) => ({ items: await listNeighbourhoods(db, request.params.id) }),
  );
  app.get(
    '/portal/map/districts',
    { config: { access: 'public' }, schema: { tags: ['portal'], summary: 'District boundaries as GeoJSON (© OpenStreetMap contributors, ODbL 1.0)', response: responses({ 200: PortalDistrictBoundaries }) } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=86400').send(districtBoundaries()),
  );
};
