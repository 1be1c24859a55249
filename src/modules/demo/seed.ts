import type { Db } from '../../storage/database.js';
import type { Edition } from '../editions/index.js';
import { createAuthor } from '../accounts/index.js';
import { createItem } from '../content/index.js';
import { saveContactSettings } from '../contact/index.js';
import { addImage, generateImage, ARTWORK_COUNT, type GeneratedImage } from '../media/index.js';
import { addMenuItem } from '../menus/index.js';
import { setSetting } from '../settings/index.js';
import { createCategory, createTag } from '../taxonomy/index.js';
import { articleBody, pageBody } from './demo-body.js';
import type { EditionDemo } from './demo.types.js';
import { demoEditions } from './editions/index.js';
import { demoDate } from './demo-plan.js';
import { prepareDemoAssets, seedMediaAndPublications, type DemoAssets } from './seed-media.js';

export { demoDate };

export interface SeedOptions {
  mediaDir: string;
  /** the label of the reference list in each edition's language */
  referencesLabel: (edition: Edition) => string;
  /** the ffmpeg that makes the demo's video clips (default: `ffmpeg` on the PATH); without one, demo videos link out */
  ffmpeg?: string;
}

/** True when the database holds no content yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('items').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Fills an empty database with the demo site: for each configured edition with demo content,
 * its authors, categories, tags, 40 articles with featured images, About and Contact pages,
 * cartoons, news pictures, galleries, videos, books, the two periodicals with their issues, and
 * the reference site's menu. Files (images, PDFs, video clips) are made first, once, and kept on
 * disk; the rows are written in one transaction.
 */
export async function seedDemo(db: Db, editions: readonly Edition[], options: SeedOptions): Promise<{ items: number }> {
  const en = demoEditions.en!;
  // Images (sharp's threads), video clips (ffmpeg's process) and PDFs are made side by side.
  const [images, files] = await Promise.all([
    (async () => {
      const images: GeneratedImage[] = [];
      for (let i = 0; i < ARTWORK_COUNT; i++) images.push(await generateImage(options.mediaDir, i));
      return images;
    })(),
    prepareDemoAssets(options.mediaDir, en, en.articles.map((a, i) => [a.key, demoDate(i)] as const), { ffmpeg: options.ffmpeg }),
  ]);
  const assets: DemoAssets = { images, ...files };
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
      items += await seedEdition(trx, edition, editions, demo, assets, options);
    }
    for (const edition of editions) await seedMenu(trx, edition, editions);
  });
  return { items };
}

async function seedEdition(db: Db, edition: Edition, editions: readonly Edition[], demo: EditionDemo, assets: DemoAssets, options: SeedOptions): Promise<number> {
  const images = assets.images;
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
  const articles = new Map<string, { id: number; title: string; date: string }>();
  const slugs = new Set<string>();
  for (const [index, a] of demo.articles.entries()) {
    const mediaId = await addImage(db, images[index % images.length]!, a.imageAlt);
    const id = await createItem(db, {
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
    articles.set(a.key, { id, title: a.title, date: demoDate(index) });
    slugs.add(a.slug.normalize('NFC'));
    count++;
  }
  for (const [key, page] of Object.entries(demo.pages)) {
    const pageId = await createItem(db, { edition: code, type: 'page', slug: page.slug, title: page.title, bodyHtml: pageBody(page), status: 'published', publishedAt: demoDate(40), translationKey: `page:${key}` });
    // The contact page shows the contact form; its messages go to the address the page names.
    if (key === 'contact') await saveContactSettings(db, code, { pageId, email: 'editors@example.org' });
    slugs.add(page.slug.normalize('NFC'));
    count++;
  }
  count += await seedMediaAndPublications(db, { edition, editionCodes: editions.map((e) => e.code), demo, assets, articles, categories, slugs });
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
