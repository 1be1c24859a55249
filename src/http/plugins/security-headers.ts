import type { FastifyInstance } from 'fastify';
import { EMBED_FRAME_ORIGINS } from '../../lib/video-links.js';

/**
 * No inline script or style, nothing from another host: the page can only use what this site
 * serves — except the YouTube (no-cookie) and Vimeo players a reader asks for with a click.
 * `mediaOrigins` lets one page play a video file it links from another host (and only that host).
 */
export function contentSecurityPolicy(mediaOrigins: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["media-src 'self'", ...mediaOrigins].join(' '),
    `frame-src ${EMBED_FRAME_ORIGINS.join(' ')}`,
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

const HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** Security headers on every response, errors and static files included. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(HEADERS);
    done();
  });
}
