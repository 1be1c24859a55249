import type { Generated } from 'kysely';

/** One entry of an edition's nested menu. */
export interface MenuItemTable {
  id: Generated<number>;
  edition: string;
  parent_id: number | null;
  position: number;
  label: string;
  /** a path inside the edition ("/articles/"), a full URL, or "edition:xx" for another edition's home */
  target: string;
}
