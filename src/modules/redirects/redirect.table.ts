import type { Generated } from 'kysely';

/** An old address (WordPress's, or one an editor added) and where it now leads. */
export interface RedirectTable {
  id: Generated<number>;
  /** the old path and query, normalized (see redirect-path.ts): unique */
  from_path: string;
  /** a site path ("/fa/مقاله/") or, typed by an editor, a full http(s) address; '' for 410 Gone */
  to_path: string;
  /** 301, 302 or 410 */
  status: Generated<number>;
  /** 'import' (made by a WordPress import) or 'manual' (added or edited in the newsroom) */
  source: string;
  created_at: string;
  updated_at: string;
  /** how often a reader was sent on by it, and when last */
  hits: Generated<number>;
  last_hit_at: string | null;
}
