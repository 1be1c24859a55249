import type { Db } from '../../storage/database.js';
import { categoryTree, listTags } from '../taxonomy/index.js';

/** What the editor's pickers offer for an item of an edition. */
export interface EditorChoices {
  categories: { id: number; label: string; depth: number }[];
  tags: { id: number; name: string }[];
  people: { id: number; name: string }[];
  images: { id: number; label: string; path: string }[];
  pages: { id: number; title: string }[];
}

export async function editorChoices(db: Db, edition: string, itemId: number | null): Promise<EditorChoices> {
  const tree = await categoryTree(db, edition);
  const [tags, people, images, pages] = await Promise.all([
    listTags(db, edition),
    db.selectFrom('users').select(['id', 'display_name']).where('disabled_at', 'is', null).orderBy('display_name').execute(),
    db.selectFrom('media').select(['id', 'alt', 'title', 'original_name', 'path']).where('kind', '=', 'image').orderBy('id', 'desc').limit(200).execute(),
    db.selectFrom('items').select(['id', 'title']).where('edition', '=', edition).where('type', '=', 'page').where('id', '!=', itemId ?? 0).orderBy('title').execute(),
  ]);
  return {
    categories: tree.inTreeOrder().map((c) => ({ id: c.id, label: c.name, depth: c.path.length - 1 })),
    tags: tags.map((t) => ({ id: t.id, name: t.name })),
    people: people.map((p) => ({ id: p.id, name: p.display_name })),
    images: images.map((m) => ({ id: m.id, label: m.title || m.alt || m.original_name || `#${m.id}`, path: m.path })),
    pages,
  };
}
