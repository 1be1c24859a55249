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

/** A menu rule said no; `code` is stable, the message is for people. */
export class MenuError extends Error {
  constructor(
    readonly code: 'menus.not_found' | 'menus.invalid_input',
    message: string,
  ) {
    super(message);
    this.name = 'MenuError';
  }
}

/** One entry as its edit form needs it. */
export interface MenuEntry {
  id: number;
  edition: string;
  parentId: number | null;
  label: string;
  target: string;
}

/**
 * Where an entry may point: a path inside the edition ("/about/"), an http(s) address, "#" (a
 * label that only opens its sub-menu) or "edition:xx" (another edition's home; the demo uses it).
 * Anything else — javascript:, data:, "//host" — is refused, since the public menu prints it as a link.
 */
export function checkMenuTarget(raw: string): string {
  const target = raw.trim();
  if (target === '#' || /^edition:[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(target)) return target;
  if (target.startsWith('/') && !target.startsWith('//') && !/[\\\s]/.test(target)) return target;
  if (/^https?:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host) return target;
    } catch {
      // falls through to the refusal
    }
  }
  throw new MenuError('menus.invalid_input', 'The target must be a path starting with / or an address starting with http:// or https://.');
}

function checkLabel(raw: string): string {
  const label = raw.trim();
  if (!label || label.length > 200) throw new MenuError('menus.invalid_input', 'The label must be 1 to 200 characters.');
  return label;
}

/** The edition's entries, flat, in position order. */
async function entriesOf(db: Db, edition: string): Promise<MenuEntry[]> {
  const rows = await db.selectFrom('menu_items').select(['id', 'edition', 'parent_id', 'label', 'target']).where('edition', '=', edition).orderBy('position').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, edition: r.edition, parentId: r.parent_id, label: r.label, target: r.target }));
}

/** An entry of the edition, or menus.not_found (also when it belongs to another edition). */
export async function findMenuItem(db: Db, edition: string, id: number): Promise<MenuEntry> {
  const r = await db.selectFrom('menu_items').select(['id', 'edition', 'parent_id', 'label', 'target']).where('id', '=', id).where('edition', '=', edition).executeTakeFirst();
  if (!r) throw new MenuError('menus.not_found', 'There is no such menu entry in this edition.');
  return { id: r.id, edition: r.edition, parentId: r.parent_id, label: r.label, target: r.target };
}

/** The edition of an entry (routes check the actor's rights on it before anything else). */
export async function menuItemEdition(db: Db, id: number): Promise<string> {
  const r = await db.selectFrom('menu_items').select('edition').where('id', '=', id).executeTakeFirst();
  if (!r) throw new MenuError('menus.not_found', 'There is no such menu entry.');
  return r.edition;
}

/** The entry and everything under it, the entry first. */
function subtreeIds(entries: MenuEntry[], id: number): number[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const e of entries) if (e.parentId === out[i]) out.push(e.id);
  return out;
}

/** The entry and its descendants, as the delete confirmation lists them. */
export async function menuSubtree(db: Db, edition: string, id: number): Promise<MenuEntry[]> {
  const entries = await entriesOf(db, edition);
  if (!entries.some((e) => e.id === id)) throw new MenuError('menus.not_found', 'There is no such menu entry in this edition.');
  const ids = subtreeIds(entries, id);
  return ids.map((i) => entries.find((e) => e.id === i)!);
}

async function checkParent(db: Db, edition: string, parentId: number | null, self?: number): Promise<void> {
  if (parentId === null) return;
  const entries = await entriesOf(db, edition);
  if (!entries.some((e) => e.id === parentId)) throw new MenuError('menus.invalid_input', 'The parent entry is not in this edition’s menu.');
  if (self !== undefined && subtreeIds(entries, self).includes(parentId)) throw new MenuError('menus.invalid_input', 'An entry cannot be placed under itself or under one of its own sub-entries.');
}

export interface MenuEntryInput {
  label: string;
  target: string;
  parentId: number | null;
}

/** Adds an entry at the end of its level, after checking label, target and parent. */
export async function createMenuItem(db: Db, edition: string, input: MenuEntryInput): Promise<number> {
  const label = checkLabel(input.label);
  const target = checkMenuTarget(input.target);
  return db.transaction().execute(async (trx) => {
    await checkParent(trx, edition, input.parentId);
    const last = await trx.selectFrom('menu_items').select((eb) => eb.fn.max('position').as('p')).where('edition', '=', edition).executeTakeFirst();
    return addMenuItem(trx, edition, label, target, input.parentId, Number(last?.p ?? -1) + 1);
  });
}

/** Changes an entry's label, target and parent; a new parent puts it at the end of that level. */
export async function updateMenuItem(db: Db, edition: string, id: number, input: MenuEntryInput): Promise<void> {
  const label = checkLabel(input.label);
  const target = checkMenuTarget(input.target);
  await db.transaction().execute(async (trx) => {
    const current = await findMenuItem(trx, edition, id);
    await checkParent(trx, edition, input.parentId, id);
    let position: number | undefined;
    if (current.parentId !== input.parentId) {
      const last = await trx.selectFrom('menu_items').select((eb) => eb.fn.max('position').as('p')).where('edition', '=', edition).executeTakeFirst();
      position = Number(last?.p ?? -1) + 1;
    }
    await trx.updateTable('menu_items').set({ label, target, parent_id: input.parentId, ...(position === undefined ? {} : { position }) }).where('id', '=', id).where('edition', '=', edition).execute();
  });
}

/** Deletes an entry with all its sub-entries; returns how many went. */
export async function deleteMenuItem(db: Db, edition: string, id: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ids = subtreeIds(await entriesOf(trx, edition), id);
    await findMenuItem(trx, edition, id);
    // Children first, so the parent foreign key holds whether or not the database cascades.
    for (const one of ids.reverse()) await trx.deleteFrom('menu_items').where('id', '=', one).where('edition', '=', edition).execute();
    return ids.length;
  });
}

/** Positions 0..n-1 in the given order (the order of a flat walk of the tree). */
async function writePositions(db: Db, edition: string, ids: number[]): Promise<void> {
  for (const [position, id] of ids.entries()) await db.updateTable('menu_items').set({ position }).where('id', '=', id).where('edition', '=', edition).execute();
}

/** Swaps an entry with its previous or next sibling; at the end of its level it stays. */
export async function moveMenuItem(db: Db, edition: string, id: number, direction: 'up' | 'down'): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const entries = await entriesOf(trx, edition);
    const entry = entries.find((e) => e.id === id);
    if (!entry) throw new MenuError('menus.not_found', 'There is no such menu entry in this edition.');
    const order = entries.map((e) => e.id);
    const siblings = entries.filter((e) => e.parentId === entry.parentId);
    const at = siblings.findIndex((e) => e.id === id);
    const other = siblings[direction === 'up' ? at - 1 : at + 1];
    if (!other) return;
    const i = order.indexOf(id);
    const j = order.indexOf(other.id);
    [order[i], order[j]] = [order[j]!, order[i]!];
    await writePositions(trx, edition, order);
  });
}

/**
 * Saves the order received (entry ids in the order of the page): every id must be an entry of
 * this edition, each once. Parents do not change; entries not listed keep their order after the listed ones.
 */
export async function reorderMenu(db: Db, edition: string, ids: number[]): Promise<void> {
  if (new Set(ids).size !== ids.length) throw new MenuError('menus.invalid_input', 'The order lists an entry twice.');
  await db.transaction().execute(async (trx) => {
    const entries = await entriesOf(trx, edition);
    const known = new Set(entries.map((e) => e.id));
    if (ids.some((id) => !known.has(id))) throw new MenuError('menus.invalid_input', 'The order names entries that are not in this edition’s menu.');
    const listed = new Set(ids);
    await writePositions(trx, edition, [...ids, ...entries.map((e) => e.id).filter((id) => !listed.has(id))]);
  });
}
