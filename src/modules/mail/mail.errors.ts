/** A message the outbox refuses (bad address, empty subject…). */
export class MailError extends Error {
  readonly code = 'mail.invalid_message';
  constructor(readonly issues: { path: string; message: string }[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'MailError';
  }
}
