import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AccountError } from '../../modules/accounts/index.js';
import type { AdminContext } from './admin-context.js';
import { AdminHttpError } from './admin-errors.js';
import { sendAdminPage } from './admin-page.js';

const TITLES: Record<number, string> = { 400: 'That did not work', 401: 'Sign in first', 403: 'Not allowed', 404: 'Not found', 409: 'Conflict', 413: 'Too large', 429: 'Too many attempts' };

function wantsJson(req: FastifyRequest): boolean {
  return req.url.startsWith('/admin/api/') || (req.headers.accept ?? '').startsWith('application/json') || /[?&]format=json(?:&|$)/.test(req.url);
}

/** A domain error with a stable code (media, content, …) becomes a 4xx with its message. */
interface CodedError {
  code: string;
  message: string;
}
const isCoded = (e: unknown): e is CodedError => {
  const code = e instanceof Error ? (e as unknown as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[a-z]+\.[a-z_]+$/.test(code);
};

/** Where the newsroom's failures become answers: a page in the newsroom, or `{ error: { code, message } }` for scripts. */
export function registerAdminErrors(app: FastifyInstance, ctx: AdminContext): void {
  const answer = (req: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) => {
    if (wantsJson(req)) return reply.code(status).header('cache-control', 'private, no-store').send({ error: { code, message } });
    return sendAdminPage(ctx, req, reply, { title: TITLES[status] ?? 'Something went wrong', status }, () => (
      <>
        <p class="notice notice-error" role="alert">{message}</p>
        <p><a href="/admin">Back to the newsroom</a></p>
      </>
    ));
  };

  app.setErrorHandler(async (error: FastifyError | Error, req, reply) => {
    if (error instanceof AdminHttpError) return answer(req, reply, error.statusCode, error.code, error.message);
    if (error instanceof ZodError) return answer(req, reply, 400, 'invalid_input', error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; '));
    if (error instanceof AccountError) return answer(req, reply, error.code === 'accounts.not_found' ? 404 : 400, error.code, error.message);
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) return answer(req, reply, status, (error as FastifyError).code ?? 'bad_request', status === 413 ? 'The upload is larger than this site allows.' : 'The request could not be understood.');
    if (isCoded(error)) return answer(req, reply, /not_found$/.test(error.code) ? 404 : /forbidden$/.test(error.code) ? 403 : /too_large$/.test(error.code) ? 413 : /unsupported_type$/.test(error.code) ? 415 : /in_use|conflict|taken$/.test(error.code) ? 409 : 400, error.code, error.message);
    req.log.error({ err: error }, 'newsroom request failed');
    return answer(req, reply, 500, 'internal', 'Something went wrong on the server. Try again, and tell the administrator if it happens again.');
  });

  app.setNotFoundHandler(async (req, reply) => answer(req, reply, 404, 'not_found', 'There is no newsroom page at this address.'));
}
