import type { ItemStateInput } from '../../modules/content/index.js';

type Form = Record<string, unknown>;

const text = (f: Form, key: string): string => {
  const v = f[key];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};

/** '' → null; digits → number; anything else → -1, which validation then refuses with the field's name. */
const optionalId = (f: Form, key: string): number | null => {
  const v = text(f, key).trim();
  if (!v) return null;
  return /^[1-9][0-9]{0,9}$/.test(v) ? Number(v) : -1;
};

/** The newsroom's `datetime-local` fields are in UTC (the form says so); stored as ISO 8601. */
export function fromDateTimeLocal(value: string): string {
  const v = value.trim();
  if (!v) return '';
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v}Z` : v;
}

export function toDateTimeLocal(iso: string): string {
  return iso ? iso.slice(0, 16) : '';
}

/** The editor's posted fields as the editorial service takes them (it validates). */
export function parseItemForm(f: Form): ItemStateInput {
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
  };
}
