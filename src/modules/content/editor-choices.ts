import type { Db } from '../../storage/database.js';
import { categoryTree, listTags } from '../taxonomy/index.js';

/** What the editor's pickers offer for an item of an edition. */
export interface EditorChoices {
  categories: { id: number; label: string; depth: number }[];
  tags: { id: number; name: string }[];
  people: { id: number; name: string }[];
  images: { id: number; label: string; path: string }[];
  pages: { id: number; title: string }[];
  /** uploaded videos (for a video item) */
  videos: { id: number; label: string }[];
  /** uploaded PDFs (for a book or an issue) */
  pdfs: { id: number; label: string }[];
  /** the edition's periodicals (an issue's parent) */
  periodicals: { id: number; title: string }[];
  /** the edition's recent published articles (an issue's "Inside this issue" links) */
  articles: { id: number; title: string }[];
  /** a periodical's issues, newest first */
  issues: { id: number; title: string; status: string; number: number | null; publishedAt: string }[];
  /** the library images a gallery's photos show, by media id */
  photoMedia: { id: number; label: string; path: string; alt: string }[];
}

/** The smallest WebP/JPEG variant still sharp in a list's thumbnail, else the main file. */
function thumbnailPath(path: string, variantsJson: string): string {
  let variants: { path: string; width: number; mime: string }[] = [];
  try {
    variants = JSON.parse(variantsJson || '[]') as typeof variants;
  } catch {
    return path;
  }
  const fit = variants.filter((v) => (v.mime === 'image/webp' || v.mime === 'image/jpeg') && v.width >= 300).sort((a, b) => a.width - b.width || (a.mime === 'image/webp' ? -1 : 1));
  return fit[0]?.path ?? path;
}

const mediaLabel = (m: { id: number; title: string; alt?: string; original_name: string }) => m.title || m.alt || m.original_name || `#${m.id}`;

/**
 * The choices for an item of `type` (the type's own pickers are only read when the type uses them).
 * `extra` names what the item already refers to (an issue's linked items, a gallery's photos), so the
 * pickers still show them when they are older than the lists' limits.
 */
export async function editorChoices(
  db: Db, edition: string, itemId: number | null, type = 'article',
  extra: { photoIds?: number[]; linkedIds?: number[]; chosenMediaIds?: number[] } = {},
): Promise<EditorChoices> {
  const tree = await categoryTree(db, edition);
  const media = (kind: 'video' | 'pdf') =>
    db.selectFrom('media').select(['id', 'title', 'original_name']).where('kind', '=', kind).orderBy('id', 'desc').limit(200).execute();
  const none = Promise.resolve([]);
  const photoIds = [...new Set(extra.photoIds ?? [])];
  const linkedIds = [...new Set(extra.linkedIds ?? [])];
  const [tags, people, images, pages, videos, pdfs, periodicals, recent, linked, issues, photos] = await Promise.all([
    listTags(db, edition),
    db.selectFrom('users').select(['id', 'display_name']).where('disabled_at', 'is', null).orderBy('display_name').execute(),
    db.selectFrom('media').select(['id', 'alt', 'title', 'original_name', 'path']).where('kind', '=', 'image').orderBy('id', 'desc').limit(200).execute(),
    db.selectFrom('items').select(['id', 'title']).where('edition', '=', edition).where('type', '=', 'page').where('id', '!=', itemId ?? 0).orderBy('title').execute(),
    type === 'video' ? media('video') : none,
    type === 'book' || type === 'issue' ? media('pdf') : none,
    type === 'issue'
      ? db.selectFrom('items').select(['id', 'title']).where('edition', '=', edition).where('type', '=', 'periodical').orderBy('title').execute()
      : none,
    type === 'issue'
      ? db.selectFrom('items').select(['id', 'title']).where('edition', '=', edition).where('type', '=', 'article').where('status', '=', 'published')
        .orderBy('published_at', 'desc').limit(200).execute()
      : none,
    type === 'issue' && linkedIds.length ? db.selectFrom('items').select(['id', 'title']).where('edition', '=', edition).where('id', 'in', linkedIds).execute() : none,
    type === 'periodical' && itemId !== null
      ? db.selectFrom('items').select(['id', 'title', 'status', 'details', 'published_at']).where('parent_id', '=', itemId).where('type', '=', 'issue')
        .orderBy('published_at', 'desc').limit(500).execute()
      : none,
    photoIds.length ? db.selectFrom('media').select(['id', 'alt', 'title', 'original_name', 'path', 'variants']).where('id', 'in', photoIds).execute() : none,
  ]);
  // The pickers list the newest files, and also the ones the item already uses however old: a saved choice
  // missing from its list would be lost on the next save.
  const listed = new Set([...images, ...videos, ...pdfs].map((m) => m.id));
  const missing = [...new Set(extra.chosenMediaIds ?? [])].filter((id) => id > 0 && !listed.has(id));
  if (missing.length) {
    for (const m of await db.selectFrom('media').select(['id', 'kind', 'alt', 'title', 'original_name', 'path']).where('id', 'in', missing).execute()) {
      if (m.kind === 'image') images.push(m);
      else if (m.kind === 'video') videos.push(m);
      else if (m.kind === 'pdf') pdfs.push(m);
    }
  }
  const articles = [...recent];
  for (const l of linked) if (!articles.some((a) => a.id === l.id)) articles.push(l);
  return {
    categories: tree.inTreeOrder().map((c) => ({ id: c.id, label: c.name, depth: c.path.length - 1 })),
    tags: tags.map((t) => ({ id: t.id, name: t.name })),
    people: people.map((p) => ({ id: p.id, name: p.display_name })),
    images: images.map((m) => ({ id: m.id, label: mediaLabel(m), path: m.path })),
    pages,
    videos: videos.map((m) => ({ id: m.id, label: mediaLabel(m) })),
    pdfs: pdfs.map((m) => ({ id: m.id, label: mediaLabel(m) })),
    periodicals,
    articles,
    issues: issues.map((i) => {
      let number: number | null = null;
      try {
        const n = (JSON.parse(i.details || '{}') as { number?: unknown }).number;
        number = typeof n === 'number' ? n : null;
      } catch {
        number = null;
      }
      return { id: i.id, title: i.title, status: i.status, number, publishedAt: i.published_at };
    }),
    photoMedia: photos.map((m) => ({ id: m.id, label: mediaLabel(m), path: thumbnailPath(m.path, m.variants), alt: m.alt })),
  };
}
