/**
 * Deny by default: every route declares `config.access`, either 'public', 'token' (its own
 * credential such as the CTI bearer token or an Open311 api_key), or a permission from
 * packages/domain/src/roles.ts. A route that declares nothing cannot be registered.
 */
import { DomainError, can, isPermission, type Permission } from '@cozum/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionUser } from '../app/sessions.js';

export type Access = 'public' | 'token' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

const accessTables = new WeakMap<FastifyInstance, RouteAccess[]>();

/** Every route with who may call it: for the permission-matrix test and the docs. */
export const routeAccessTable = (app: FastifyInstance): RouteAccess[] => accessTables.get(app) ?? [];

export function enforceAccessDeclarations(app: FastifyInstance): void {
  const table: RouteAccess[] = [];
  accessTables.set(app, table);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    // The CORS preflight (OPTIONS *) carries no credentials and runs no handler of ours.
    const preflight = route.method === 'OPTIONS' && (route.url === '*' || route.url === '/*');
    const exempt = preflight || route.url.startsWith('/api/docs') || route.url === '/api/openapi.json';
    if (exempt) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    if (access === undefined || !(access === 'public' || access === 'token' || isPermission(access))) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no valid config.access; every route must say who may call it`);
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });
  app.addHook('onRequest', async (request) => {
    // No route matched: the not-found handler answers.
    if (request.routeOptions.url === undefined) return;
    const access = request.routeOptions.config.access;
    if (access === 'public' || access === 'token') return;
    if (!access) throw new DomainError('forbidden', 'this route is closed', undefined, { reason: 'closed' });
    if (!request.user) throw new DomainError('unauthenticated', 'sign in first: this needs a staff session');
    if (!can(request.user.role, access)) {
      throw new DomainError('forbidden', `your role (${request.user.role}) does not have the permission '${access}'`, undefined, { role: request.user.role, permission: access });
    }
  });
}

/** The signed-in user, for handlers behind a permission (the preHandler guarantees it). */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new DomainError('unauthenticated', 'sign in first: this needs a staff session');
  return request.user;
}
