import type { ItemStateInput } from '../../modules/content/index.js';

type Form = Record<string, unknown>;

const text = (f: Form, key: string): string => {
  const v = f[key];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};

const list = (f: Form, key: string): string[] => {
  const v = f[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
};

/** '' → null; digits → number; anything else → -1, which validation then refuses with the field's name. */
const optionalId = (f: Form, key: string): number | null => {
  const v = text(f, key).trim();
  if (!v) return null;
  return /^[1-9][0-9]{0,9}$/.test(v) ? Number(v) : -1;
};

/** '' → null; a whole number → that number; anything else → -1 (refused by the type's range). */
const optionalNumber = (f: Form, key: string): number | null => {
  const v = text(f, key).trim();
  if (!v) return null;
  return /^[0-9]{1,9}$/.test(v) ? Number(v) : -1;
};

/** The row keys of a repeated group, in the order the form sent them (its order on the page). */
const rowKeys = (f: Form, key: string): string[] => [...new Set(list(f, key).filter((k) => /^[A-Za-z0-9_-]{1,40}$/.test(k)))].slice(0, 500);

/** The newsroom's `datetime-local` fields are in UTC (the form says so); stored as ISO 8601. */
export function fromDateTimeLocal(value: string): string {
  const v = value.trim();
  if (!v) return '';
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v}Z` : v;
}

/**
 * The fields of the item's type (see item-types.ts), as the editor's fieldsets post them:
 * - cartoon, newspic: `caption`, `credit`;
 * - video: `videoMediaId`, `externalUrl`, `credit`;
 * - book: `bookAuthor`, `publisher`, `year`, `language`, `pdfMediaId`, `purchaseUrl`;
 * - issue: `number`, `pdfMediaId`, and "Inside this issue" as rows: `contentsRow` (a key per row,
 *   repeated in page order) with `contents[<key>][title]` and `contents[<key>][itemId]`; rows left
 *   empty are dropped.
 */
export function parseDetailsForm(f: Form, type: string): Record<string, unknown> {
  switch (type) {
    case 'cartoon':
    case 'newspic':
      return { caption: text(f, 'caption'), credit: text(f, 'credit') };
    case 'video':
      return { videoMediaId: optionalId(f, 'videoMediaId'), externalUrl: text(f, 'externalUrl'), credit: text(f, 'credit') };
    case 'book':
      return {
        bookAuthor: text(f, 'bookAuthor'), publisher: text(f, 'publisher'), year: optionalNumber(f, 'year'), language: text(f, 'language'),
        pdfMediaId: optionalId(f, 'pdfMediaId'), purchaseUrl: text(f, 'purchaseUrl'),
      };
    case 'issue': {
      const contents = rowKeys(f, 'contentsRow')
        .map((k) => ({ title: text(f, `contents[${k}][title]`).trim(), itemId: optionalId(f, `contents[${k}][itemId]`) }))
        .filter((row) => row.title !== '' || row.itemId !== null);
      return { number: optionalNumber(f, 'number'), pdfMediaId: optionalId(f, 'pdfMediaId'), contents };
    }
    default:
      return {};
  }
}

/**
 * A gallery's photos, in page order: `photoRow` (a key per photo, repeated in order) with
 * `photos[<key>][mediaId]`, `photos[<key>][caption]`, `photos[<key>][credit]` and the checkbox
 * `photos[<key>][remove]`; then `addPhotoIds` (library images to append).
 */
export function parsePhotosForm(f: Form): NonNullable<ItemStateInput['photos']> {
  const kept = rowKeys(f, 'photoRow')
    .filter((k) => text(f, `photos[${k}][remove]`) === '')
    .map((k) => ({ mediaId: optionalId(f, `photos[${k}][mediaId]`) ?? -1, caption: text(f, `photos[${k}][caption]`).trim(), credit: text(f, `photos[${k}][credit]`).trim() }));
  const added = list(f, 'addPhotoIds').map((v) => (/^[1-9][0-9]{0,9}$/.test(v) ? Number(v) : -1)).map((mediaId) => ({ mediaId, caption: '', credit: '' }));
  return [...kept, ...added];
}

/** The editor's posted fields as the editorial service takes them (it validates). */
export function parseItemForm(f: Form, type = 'article'): ItemStateInput {
  const tags = f.tagIds === undefined ? [] : [f.tagIds].flat().map((t) => (/^[1-9][0-9]{0,9}$/.test(String(t)) ? Number(t) : -1));
  return {
    title: text(f, 'title'),
    slug: text(f, 'slug'),
    excerpt: text(f, 'excerpt'),
    bodyHtml: text(f, 'bodyHtml'),
    status: text(f, 'status') as ItemStateInput['status'],
    publishedAt: fromDateTimeLocal(text(f, 'publishedAt')),
    authorId: optionalId(f, 'authorId'),
    sourceLine: text(f, 'sourceLine'),
    featuredMediaId: optionalId(f, 'featuredMediaId'),
    categoryId: optionalId(f, 'categoryId'),
    parentId: optionalId(f, 'parentId'),
    tagIds: tags,
    seoTitle: text(f, 'seoTitle'),
    seoDescription: text(f, 'seoDescription'),
    pinned: text(f, 'pinned') !== '',
    details: parseDetailsForm(f, type),
    photos: parsePhotosForm(f),
  };
}
