import type { Db } from '../../storage/database.js';

const IMAGE_COLUMNS = ['m.path as image_path', 'm.alt as image_alt', 'm.width as image_width', 'm.height as image_height', 'm.variants as image_variants'] as const;

/** A gallery's photos in their order, each with its image. */
export function selectGalleryPhotos(db: Db, itemId: number) {
  return db
    .selectFrom('gallery_photos as p')
    .innerJoin('media as m', 'm.id', 'p.media_id')
    .select(['p.media_id', 'p.caption', 'p.credit', 'm.caption as media_caption', 'm.credit as media_credit', ...IMAGE_COLUMNS])
    .where('p.item_id', '=', itemId)
    .orderBy('p.position')
    .orderBy('p.id')
    .execute();
}

/** The type fields of some items, and for galleries how many photos each has. */
export function selectDetailsAndCounts(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('items as i')
    .select(['i.id', 'i.type', 'i.details'])
    .select((eb) => eb.selectFrom('gallery_photos as p').select(eb.fn.countAll<number>().as('n')).whereRef('p.item_id', '=', 'i.id').as('photo_count'))
    .where('i.id', 'in', ids)
    .execute();
}

/** The published issues of a periodical, newest first, with their covers. */
export function selectIssues(db: Db, periodicalId: number) {
  return db
    .selectFrom('items as i')
    .leftJoin('media as m', 'm.id', 'i.featured_media_id')
    .select(['i.id', 'i.slug', 'i.title', 'i.excerpt', 'i.published_at', 'i.details', ...IMAGE_COLUMNS])
    .where('i.parent_id', '=', periodicalId)
    .where('i.status', '=', 'published')
    .where('i.type', '=', 'issue')
    .orderBy('i.published_at', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
}

/** A published item of an edition by id: its slug, title and type (what a link to it needs). */
export function selectPublishedLinks(db: Db, edition: string, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('items')
    .select(['id', 'slug', 'title', 'type'])
    .where('id', 'in', ids)
    .where('edition', '=', edition)
    .where('status', '=', 'published')
    .execute();
}

/** Files of the media library by id: what a download link or a player needs. */
export function selectFiles(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('media')
    .select(['id', 'kind', 'mime', 'path', 'size_bytes', 'original_name', 'width', 'height'])
    .where('id', 'in', ids)
    .execute();
}
