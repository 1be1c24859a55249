import type { Generated } from 'kysely';

/** A category of one edition; categories nest through parent_id. */
export interface CategoryTable {
  id: Generated<number>;
  edition: string;
  slug: string;
  name: string;
  description: Generated<string>;
  parent_id: number | null;
  translation_key: string | null;
}

export interface TagTable {
  id: Generated<number>;
  edition: string;
  slug: string;
  name: string;
  translation_key: string | null;
}
