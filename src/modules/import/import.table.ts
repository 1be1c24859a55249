import type { Generated } from 'kysely';

/** Which nashr row a WordPress object became (see migration 0009). */
export interface ImportSourceTable {
  id: Generated<number>;
  wp_site: string;
  source_kind: string;
  wp_id: string;
  edition: Generated<string>;
  target_kind: string;
  target_id: number;
  content_hash: Generated<string>;
  imported_at: string;
}

/** How far an import of one export file got; removed when the file is done. */
export interface ImportCheckpointTable {
  file_key: string;
  position: number;
  updated_at: string;
}
