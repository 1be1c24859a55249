/** An export file that cannot be imported at all (not XML, not a WordPress export, entities…); nothing was written. */
export class ImportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImportError';
  }
}
