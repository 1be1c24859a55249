/** A rule of the accounts module said no; `code` is stable, the message is for people. */
export class AccountError extends Error {
  constructor(
    readonly code:
      | 'accounts.invalid_credentials'
      | 'accounts.rate_limited'
      | 'accounts.invalid_input'
      | 'accounts.email_taken'
      | 'accounts.not_found'
      | 'accounts.invalid_code'
      | 'accounts.last_administrator',
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}
