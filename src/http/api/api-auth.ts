import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyGate } from '../../modules/api-keys/index.js';
import { ApiError } from './api-errors.js';

/** The key a request presents: `Authorization: Bearer <key>`, or `X-Api-Key: <key>`. */
export function presentedKey(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer[ ]+(\S+)\s*$/i.exec(auth);
    return m ? m[1] : undefined;
  }
  const key = req.headers['x-api-key'];
  return typeof key === 'string' ? key.trim() : undefined;
}

/**
 * Lets the request through with an active key within its rate limit, and says how much of the
 * limit is left. A missing, wrong and revoked key get the same answer, so a caller learns
 * nothing about which keys exist.
 */
export async function requireKey(req: FastifyRequest, reply: FastifyReply, gate: ApiKeyGate): Promise<void> {
  const answer = await gate.admit(presentedKey(req));
  if (answer.ok) {
    reply.header('ratelimit-limit', String(answer.limit)).header('ratelimit-remaining', String(answer.remaining)).header('ratelimit-reset', String(answer.resetSeconds));
    return;
  }
  if (answer.reason === 'rate_limited') {
    reply.header('retry-after', String(answer.retryAfterSeconds)).header('ratelimit-limit', String(answer.limit)).header('ratelimit-remaining', '0').header('ratelimit-reset', String(answer.retryAfterSeconds));
    throw new ApiError(429, 'rate_limited', `This key has made more than ${answer.limit} requests in a minute. Try again in ${answer.retryAfterSeconds} s.`);
  }
  reply.header('www-authenticate', 'Bearer realm="nashr"');
  throw new ApiError(401, 'unauthorized', 'A valid API key is required: send it as "Authorization: Bearer <key>". Keys are made in the newsroom under API keys.');
}
