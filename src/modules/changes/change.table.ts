import type { Generated } from 'kysely';

/** One noted change (written by the triggers of migration 0012); see ChangeScope. */
export interface ChangeTable {
  seq: Generated<number>;
  subject: string;
  ref: number | null;
  edition: string | null;
  scope: string;
  at: Generated<number>;
}
