/** Every way the redirects module says no; stable, so the HTTP layer maps each to one status. */
export type RedirectErrorCode = 'redirects.invalid_from' | 'redirects.invalid_target' | 'redirects.invalid_status' | 'redirects.loop' | 'redirects.taken' | 'redirects.not_found';

/** A rule of the redirects said no; `field` names the form field to correct (from, to, status). */
export class RedirectError extends Error {
  constructor(
    readonly code: RedirectErrorCode,
    message: string,
    readonly field?: 'from' | 'to' | 'status',
  ) {
    super(message);
    this.name = 'RedirectError';
  }
}
