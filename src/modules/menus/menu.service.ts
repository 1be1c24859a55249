import type { Db } from '../../storage/database.js';
import { preparedQuery } from '../../storage/prepared-query.js';

/** A menu entry with its sub-entries. */
export interface MenuNode {
  id: number;
  label: string;
  target: string;
  children: MenuNode[];
}

/** The edition's menu as a tree, in position order. */
const menuRows = preparedQuery((db, a: { edition: string }) =>
  db.selectFrom('menu_items').select(['id', 'parent_id', 'label', 'target']).where('edition', '=', a.edition).orderBy('position').orderBy('id'),
);

export async function menuTree(db: Db, edition: string): Promise<MenuNode[]> {
  const rows = await menuRows(db, { edition });
  const nodes = new Map<number, MenuNode>(rows.map((r) => [r.id, { id: r.id, label: r.label, target: r.target, children: [] }]));
  const roots: MenuNode[] = [];
  for (const r of rows) {
    const parent = r.parent_id === null ? undefined : nodes.get(r.parent_id);
    (parent ? parent.children : roots).push(nodes.get(r.id)!);
  }
  return roots;
}

/** Adds an entry at the end of its level; returns its id. */
export async function addMenuItem(db: Db, edition: string, label: string, target: string, parentId: number | null, position: number): Promise<number> {
  const row = await db
    .insertInto('menu_items')
    .values({ edition, label, target, parent_id: parentId, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
