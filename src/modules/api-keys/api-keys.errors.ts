/** An API key rule said no; `code` is stable, the message is for people. */
export class ApiKeyError extends Error {
  constructor(
    readonly code: 'api_keys.invalid_input' | 'api_keys.not_found',
    message: string,
  ) {
    super(message);
    this.name = 'ApiKeyError';
  }
}
