import type { Generated } from 'kysely';

/** A file in the media library. `path` is relative to the media directory and never comes from a client. */
export interface MediaTable {
  id: Generated<number>;
  kind: string;
  path: string;
  mime: string;
  width: number | null;
  height: number | null;
  alt: Generated<string>;
  caption: Generated<string>;
  /** JSON: [{ path, width, mime }] responsive variants */
  variants: Generated<string>;
  created_at: string;
}
