/** A content rule said no; `code` is stable, the message is for the editor. */
export class ContentError extends Error {
  constructor(
    readonly code: 'content.not_found' | 'content.forbidden' | 'content.slug_taken' | 'content.invalid_input' | 'content.conflict',
    message: string,
  ) {
    super(message);
    this.name = 'ContentError';
  }
}
