import type { MediaUsage } from './media.types.js';

/** Every way the media library says no; stable, so the HTTP layer maps each to one status. */
export type MediaErrorCode =
  | 'media.empty'
  | 'media.too_large'
  | 'media.unsupported_type'
  | 'media.corrupt'
  | 'media.encrypted'
  | 'media.invalid_input'
  | 'media.not_found'
  | 'media.in_use';

/** A rule of the media library said no; `code` is stable, the message is for people. */
export class MediaError extends Error {
  /** where the item is used, for `media.in_use` */
  readonly usage: readonly MediaUsage[];

  constructor(
    readonly code: MediaErrorCode,
    message: string,
    details: { usage?: readonly MediaUsage[]; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'MediaError';
    this.usage = details.usage ?? [];
  }
}
