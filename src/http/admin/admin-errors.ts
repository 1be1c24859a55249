/** A refusal with an HTTP status, a stable code and a message meant for the person who sent the request. */
export class AdminHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AdminHttpError';
  }
}

export const forbidden = (message = 'You do not have the rights to do this.') => new AdminHttpError(403, 'forbidden', message);
export const notFound = (message = 'There is nothing here.') => new AdminHttpError(404, 'not_found', message);
export const badRequest = (message: string, code = 'invalid_input') => new AdminHttpError(400, code, message);

/** A whole number from a path or form field, or a 404/400 (never NaN into a query). */
export function idParam(raw: unknown): number {
  const s = String(raw ?? '');
  if (!/^[1-9][0-9]{0,9}$/.test(s)) throw notFound();
  return Number(s);
}
