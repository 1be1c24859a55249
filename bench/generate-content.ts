import type { Insertable, Selectable } from 'kysely';
import { prepareStorage } from '../src/bootstrap.js';
import type { Config } from '../src/config/config.js';
import type { ItemTable } from '../src/modules/content/item.table.js';
import { createCategory, createTag } from '../src/modules/taxonomy/index.js';
import { openDatabase, type Db } from '../src/storage/database.js';

/** The slugs of the 5-deep category chain created in every edition. */
export const CHAIN = ['bench-l1', 'bench-l2', 'bench-l3', 'bench-l4', 'bench-l5'];

export interface EditionContent {
  code: string;
  prefix: string;
  dir: 'ltr' | 'rtl';
  /** published demo articles the edition had before generation */
  demoArticles: number;
  generated: number;
  /** the edition whose demo articles were copied (itself, or the root edition when it had none) */
  copiedFrom: string;
  /** an article to load: a demo article of the edition, else a generated one */
  sampleSlug: string;
  inChain: number;
}

export interface GeneratedContent {
  editions: EditionContent[];
  publishedArticles: number;
  demoSeconds: number;
  generateSeconds: number;
}

type Item = Selectable<ItemTable>;
const SIX_YEARS = 6 * 365.25 * 86_400_000;
const BATCH = 500;

/**
 * Builds the benchmark database: the demo site (migrations + seed), then, in one transaction,
 * `total` more published articles spread over the editions, copied from each edition's demo
 * articles, plus a category chain 5 deep in every edition holding a few hundred of them.
 */
export async function generateContent(config: Config, total = 10_000): Promise<GeneratedContent> {
  const storage = openDatabase(config.databaseUrl);
  try {
    let t = performance.now();
    await prepareStorage(storage, config);
    const demoSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const perEdition = Math.ceil(total / config.editions.length);
    const editions = await storage.db.transaction().execute(async (trx) => {
      const articles = await trx.selectFrom('items').selectAll().where('type', '=', 'article').where('status', '=', 'published').orderBy('id').execute();
      if (!articles.length) throw new Error('the demo seed produced no articles to copy');
      const links = await trx.selectFrom('item_tags').selectAll().execute();
      const bodies = new Map((await trx.selectFrom('item_bodies').selectAll().execute()).map((b) => [b.item_id, b.body_html]));
      const tagsOf = new Map<number, number[]>();
      for (const l of links) tagsOf.set(l.item_id, [...(tagsOf.get(l.item_id) ?? []), l.tag_id]);
      const byEdition = new Map<string, Item[]>();
      for (const a of articles) byEdition.set(a.edition, [...(byEdition.get(a.edition) ?? []), a]);
      const root = config.editions.find((e) => e.prefix === '' && byEdition.has(e.code))?.code ?? articles[0]!.edition;
      let nextId = ((await trx.selectFrom('items').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0) + 1;

      const out: EditionContent[] = [];
      for (const edition of config.editions) {
        const own = byEdition.get(edition.code) ?? [];
        const source = own.length ? own : byEdition.get(root)!;
        const from = own.length ? edition.code : root;
        const map = own.length ? { categories: new Map<number, number>(), tags: new Map<number, number>() } : await copyTaxonomy(trx, root, edition.code);
        const chain: number[] = [];
        for (const [i, slug] of CHAIN.entries()) {
          chain.push(await createCategory(trx, { edition: edition.code, slug, name: `Bench level ${i + 1}`, parentId: chain[i - 1] ?? null, translationKey: `category:${slug}` }));
        }
        const rows: Insertable<ItemTable>[] = [];
        const tagRows: { item_id: number; tag_id: number }[] = [];
        const bodyRows: { item_id: number; body_html: string }[] = [];
        let inChain = 0;
        for (let i = 0; i < perEdition; i++) {
          const s: Item = source[i % source.length]!;
          const n = i + 1;
          const date = new Date(Date.now() - ((i + 0.5) / perEdition) * SIX_YEARS).toISOString();
          // every 8th article into the deepest category, a few more spread over the levels above it
          const chainLevel = i % 8 === 0 ? 4 : i % 8 === 4 ? Math.floor(i / 8) % 4 : -1;
          if (chainLevel === 4) inChain++;
          const category = chainLevel >= 0 ? chain[chainLevel]! : s.category_id === null ? null : map.categories.get(s.category_id) ?? s.category_id;
          const { id: _id, comment_count: _c, ...copy } = s;
          const id = nextId++;
          rows.push({
            ...copy,
            id,
            edition: edition.code,
            slug: `${s.slug}-b${n}`,
            title: `${s.title} (${n})`,
            published_at: date,
            created_at: date,
            updated_at: date,
            category_id: category,
            translation_key: s.translation_key ? `${s.translation_key}:b${n}` : null,
          });
          for (const tag of tagsOf.get(s.id) ?? []) tagRows.push({ item_id: id, tag_id: map.tags.get(tag) ?? tag });
          bodyRows.push({ item_id: id, body_html: bodies.get(s.id) ?? '' });
        }
        for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto('items').values(rows.slice(i, i + BATCH)).execute();
        for (let i = 0; i < tagRows.length; i += BATCH) await trx.insertInto('item_tags').values(tagRows.slice(i, i + BATCH)).execute();
        for (let i = 0; i < bodyRows.length; i += BATCH) await trx.insertInto('item_bodies').values(bodyRows.slice(i, i + BATCH)).execute();
        out.push({
          code: edition.code,
          prefix: edition.prefix,
          dir: edition.dir,
          demoArticles: own.length,
          generated: rows.length,
          copiedFrom: from,
          sampleSlug: own[0]?.slug ?? String(rows[0]!.slug),
          inChain,
        });
      }
      return out;
    });
    const row = await storage.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', 'article').where('status', '=', 'published').executeTakeFirstOrThrow();
    return { editions, publishedArticles: Number(row.n), demoSeconds, generateSeconds: (performance.now() - t) / 1000 };
  } finally {
    await storage.close();
  }
}

/** Gives an edition without demo articles copies of the root edition's categories and tags; returns old id → new id. */
async function copyTaxonomy(db: Db, from: string, to: string) {
  const categories = new Map<number, number>();
  const tags = new Map<number, number>();
  // parents are created before their children, so id order is parent-first
  for (const c of await db.selectFrom('categories').selectAll().where('edition', '=', from).where('slug', 'not in', CHAIN).orderBy('id').execute()) {
    const parentId = c.parent_id === null ? null : categories.get(c.parent_id) ?? null;
    categories.set(c.id, await createCategory(db, { edition: to, slug: c.slug, name: c.name, description: c.description, parentId, translationKey: c.translation_key }));
  }
  for (const tag of await db.selectFrom('tags').selectAll().where('edition', '=', from).orderBy('id').execute()) {
    tags.set(tag.id, await createTag(db, { edition: to, slug: tag.slug, name: tag.name, translationKey: tag.translation_key }));
  }
  return { categories, tags };
}
