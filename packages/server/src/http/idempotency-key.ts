import type { FastifyRequest } from 'fastify';

/** The client's key for a write it may retry (the contract's IdempotencyHeaders), if it sent one. */
export function idempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  return typeof value === 'string' ? value : undefined;
}
