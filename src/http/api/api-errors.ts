import type { FastifyReply } from 'fastify';

/** The codes of the read API's errors; clients branch on these, never on messages. */
export type ApiErrorCode = 'unauthorized' | 'rate_limited' | 'not_found' | 'method_not_allowed' | 'invalid_parameter' | 'unknown_parameter' | 'invalid_cursor' | 'bad_request' | 'internal_error';

/** A refusal of the read API: an HTTP status, a stable code, a message for people and, for bad input, the parameter at fault. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badParameter = (parameter: string, message: string, code: ApiErrorCode = 'invalid_parameter') => new ApiError(400, code, message, parameter);
export const apiNotFound = (message = 'There is nothing at this address of the API. See /api/v1/openapi.json.') => new ApiError(404, 'not_found', message);

/** Sends an error in the one shape every 4xx/5xx of /api/v1 has: `{ "error": { "code", "message", "parameter"? } }`. */
export function sendApiError(reply: FastifyReply, err: ApiError): FastifyReply {
  const error: Record<string, string> = { code: err.code, message: err.message };
  if (err.parameter) error.parameter = err.parameter;
  return reply.code(err.statusCode).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify({ error }));
}
