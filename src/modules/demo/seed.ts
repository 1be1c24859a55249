import type { Db } from '../../storage/database.js';
import type { Edition } from '../editions/index.js';
import { createAuthor } from '../accounts/index.js';
import { createItem } from '../content/index.js';
import { addImage, generateImage, ARTWORK_COUNT, type GeneratedImage } from '../media/index.js';
import { addMenuItem } from '../menus/index.js';
import { setSetting } from '../settings/index.js';
import { createCategory, createTag } from '../taxonomy/index.js';
import { articleBody, pageBody } from './demo-body.js';
import type { EditionDemo } from './demo.types.js';
import { demoEditions } from './editions/index.js';

/** The newest demo article's date; older ones step back from it so the demo spans about five years. */
const NEWEST = Date.UTC(2026, 10, 20, 8, 0, 0);
const DAY = 86_400_000;

export function demoDate(index: number): string {
  return new Date(NEWEST - index * 47 * DAY - ((index * 5) % 24) * 3_600_000).toISOString();
}

export interface SeedOptions {
  mediaDir: string;
  /** the label of the reference list in each edition's language */
  referencesLabel: (edition: Edition) => string;
}

/** True when the database holds no content yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('items').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Fills an empty database with the demo site: for each configured edition with demo content,
 * its authors, categories, tags, 40 articles with featured images, About and Contact pages and
 * the reference site's menu. Images are rendered first; the rows are written in one transaction.
 */
export async function seedDemo(db: Db, editions: readonly Edition[], options: SeedOptions): Promise<{ items: number }> {
  const images: GeneratedImage[] = [];
  for (let i = 0; i < ARTWORK_COUNT; i++) images.push(await generateImage(options.mediaDir, i));
  let items = 0;
  await db.transaction().execute(async (trx) => {
    await setSetting(trx, '', 'since', 2015);
    await setSetting(trx, '', 'social', {
      facebook: 'https://www.facebook.com/example',
      twitter: 'https://x.com/example',
      instagram: 'https://www.instagram.com/example',
      youtube: 'https://www.youtube.com/@example',
    });
    for (const edition of editions) {
      const demo = demoEditions[edition.code];
      if (!demo) {
        await addMenuItem(trx, edition.code, edition.nativeName, '/', null, 0);
        continue;
      }
      items += await seedEdition(trx, edition, demo, images, options);
    }
    for (const edition of editions) await seedMenu(trx, edition, editions);
  });
  return { items };
}

async function seedEdition(db: Db, edition: Edition, demo: EditionDemo, images: GeneratedImage[], options: SeedOptions): Promise<number> {
  const code = edition.code;
  await setSetting(db, code, 'tagline', demo.site.tagline);
  const authors = new Map<string, number>();
  for (const a of demo.authors) {
    // Each edition's writers are their own people; a slug another edition already took gets the edition's code.
    const taken = await db.selectFrom('users').select('id').where('slug', '=', a.slug).executeTakeFirst();
    authors.set(a.key, await createAuthor(db, { displayName: a.name, slug: taken ? `${a.slug}-${code}` : a.slug, bio: a.bio }));
  }
  const categories = new Map<string, number>();
  // Parents before children: a category's parent is always created first.
  const pending = [...demo.categories];
  while (pending.length) {
    const next = pending.findIndex((c) => !c.parent || categories.has(c.parent));
    if (next < 0) throw new Error(`demo ${code}: category parents form a cycle or are missing`);
    const [c] = pending.splice(next, 1);
    const id = await createCategory(db, { edition: code, slug: c!.slug, name: c!.name, description: c!.description, parentId: c!.parent ? categories.get(c!.parent)! : null, translationKey: `category:${c!.key}` });
    categories.set(c!.key, id);
  }
  const tags = new Map<string, number>();
  for (const t of demo.tags) tags.set(t.key, await createTag(db, { edition: code, slug: t.slug, name: t.name, translationKey: `tag:${t.key}` }));

  let count = 0;
  for (const [index, a] of demo.articles.entries()) {
    const mediaId = await addImage(db, images[index % images.length]!, a.imageAlt);
    await createItem(db, {
      edition: code,
      type: 'article',
      slug: a.slug,
      title: a.title,
      excerpt: a.excerpt,
      bodyHtml: articleBody(a, options.referencesLabel(edition)),
      status: 'published',
      publishedAt: demoDate(index),
      authorId: authors.get(a.author) ?? null,
      sourceLine: a.source,
      featuredMediaId: mediaId,
      categoryId: categories.get(a.category) ?? null,
      translationKey: `article:${a.key}`,
      tagIds: a.tags.map((t) => tags.get(t)).filter((id): id is number => id !== undefined),
    });
    count++;
  }
  for (const [key, page] of Object.entries(demo.pages)) {
    await createItem(db, { edition: code, type: 'page', slug: page.slug, title: page.title, bodyHtml: pageBody(page), status: 'published', publishedAt: demoDate(40), translationKey: `page:${key}` });
    count++;
  }
  return count;
}

/** The reference site's menu: Home · Articles · Media ▸ … · Publications ▸ … · About Us · Contact us · Editions ▸ … */
async function seedMenu(db: Db, edition: Edition, editions: readonly Edition[]): Promise<void> {
  const demo = demoEditions[edition.code];
  if (!demo) return;
  const m = demo.menu;
  let position = 0;
  const add = (label: string, target: string, parent: number | null = null) => addMenuItem(db, edition.code, label, target, parent, position++);
  await add(m.home, '/');
  await add(m.articles, '/articles/');
  const media = await add(m.media, '#');
  await add(m.cartoons, '/cartoons/', media);
  await add(m.newspics, '/newspics/', media);
  await add(m.gallery, '/gallery/', media);
  await add(m.videos, '/videos/', media);
  const publications = await add(m.publications, '#');
  await add(m.books, '/books/', publications);
  await add(m.newsletter, '/newsletter/', publications);
  await add(m.parsBrief, '/pars-brief/', publications);
  await add(m.about, `/${demo.pages.about.slug}/`);
  await add(m.contact, `/${demo.pages.contact.slug}/`);
  const others = editions.filter((e) => e.code !== edition.code);
  if (others.length) {
    const group = await add(m.editions, '#');
    for (const e of others) await add(e.nativeName, `edition:${e.code}`, group);
  }
}
