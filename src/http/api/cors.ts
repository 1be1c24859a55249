import type { FastifyReply, FastifyRequest } from 'fastify';

const EXPOSED = 'Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset';

/** The Access-Control-Allow-Origin value for a request's Origin, or undefined when it is not allowed. */
export function allowedOrigin(origins: readonly string[], origin: string | undefined): string | undefined {
  if (!origin || origins.length === 0) return undefined;
  if (origins.includes('*')) return '*';
  return origins.includes(origin) ? origin : undefined;
}

/**
 * CORS for the read API: answers from an allowed origin carry Access-Control-Allow-Origin (errors
 * too, so a browser client can read why), and a preflight is answered here without a key.
 * Returns true when the request was a preflight and has been answered.
 */
export function applyCors(req: FastifyRequest, reply: FastifyReply, origins: readonly string[]): boolean {
  if (origins.length && !origins.includes('*')) reply.header('vary', 'Origin');
  const allow = allowedOrigin(origins, req.headers.origin);
  if (allow) reply.header('access-control-allow-origin', allow).header('access-control-expose-headers', EXPOSED);
  if (req.method !== 'OPTIONS') return false;
  if (allow) {
    reply
      .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-headers', 'Authorization, X-Api-Key')
      .header('access-control-max-age', '600');
  }
  reply.code(204).header('cache-control', 'no-store').send();
  return true;
}
