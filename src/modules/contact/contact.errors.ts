/** Why a contact message was refused. `code` is stable; `issues` name the fields to correct. */
export class ContactError extends Error {
  constructor(
    readonly code: 'contact.invalid_input' | 'contact.bad_token' | 'contact.too_fast' | 'contact.expired' | 'contact.rate_limited' | 'contact.not_found' | 'contact.invalid_settings',
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(issues.length ? issues.map((i) => `${i.path}: ${i.message}`).join('; ') : code);
    this.name = 'ContactError';
  }
}
