import { slugify } from '../../lib/slug.js';
import { createCategory, createTag } from '../taxonomy/index.js';
import { digest, type ImportRun } from './import-run.js';
import type { WxrTerm } from './wxr.types.js';

/** A WordPress slug (percent-encoded for Persian or Arabic) as a nashr slug. */
export function termSlug(wpSlug: string, name: string, fallback: string): string {
  let decoded = wpSlug;
  try {
    decoded = decodeURIComponent(wpSlug);
  } catch {
    // a stray % stays as it is; slugify drops it
  }
  return slugify(decoded) || slugify(name) || fallback;
}

const termKey = (edition: string, slug: string) => `${edition}|${slug}`;

/**
 * The category `wpSlug` of the export in `edition`, made there (with its parents) the first time
 * an item of that edition uses it; an existing category of the same slug is used as it is.
 */
export async function ensureCategory(run: ImportRun, edition: string, wpSlug: string, depth = 0): Promise<{ id: number; slug: string; parentKey: string | null } | undefined> {
  const key = termKey(edition, wpSlug);
  const known = run.categories.get(key);
  if (known) return known;
  const term = run.scan.categories.get(wpSlug);
  if (!term) return undefined;
  // Parents first; a cycle in a broken export stops at a depth no real tree reaches.
  const parent = term.parent && term.parent !== wpSlug && depth < 50 ? await ensureCategory(run, edition, term.parent, depth + 1) : undefined;
  const slug = termSlug(term.slug, term.name, `category-${term.termId ?? 'x'}`);
  const source = run.source('category', wpSlug, edition);
  let row = source ? await run.db.selectFrom('categories').select(['id', 'slug']).where('id', '=', source.targetId).executeTakeFirst() : undefined;
  row ??= await run.db.selectFrom('categories').select(['id', 'slug']).where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst();
  if (!row) {
    const id = await createCategory(run.db, { edition, slug, name: (term.name || slug).slice(0, 200), description: term.description, parentId: parent?.id ?? null, translationKey: `wp-${run.scan.siteTag}-category-${wpSlug}`.slice(0, 200) });
    row = { id, slug };
    run.createdTerms.category.add(wpSlug);
  }
  if (!source || source.targetId !== row.id) await run.remember('category', wpSlug, edition, 'category', row.id, digest(term));
  const made = { id: row.id, slug: row.slug, parentKey: parent ? termKey(edition, term.parent) : null };
  run.categories.set(key, made);
  return made;
}

/** The tag `wpSlug` of the export in `edition`, made the first time an item there uses it. */
export async function ensureTag(run: ImportRun, edition: string, wpSlug: string): Promise<{ id: number; slug: string } | undefined> {
  const key = termKey(edition, wpSlug);
  const known = run.tags.get(key);
  if (known) return known;
  const term = run.scan.tags.get(wpSlug);
  if (!term) return undefined;
  const slug = termSlug(term.slug, term.name, `tag-${term.termId ?? 'x'}`);
  const source = run.source('tag', wpSlug, edition);
  let row = source ? await run.db.selectFrom('tags').select(['id', 'slug']).where('id', '=', source.targetId).executeTakeFirst() : undefined;
  row ??= await run.db.selectFrom('tags').select(['id', 'slug']).where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst();
  if (!row) {
    const id = await createTag(run.db, { edition, slug, name: (term.name || slug).slice(0, 200), translationKey: `wp-${run.scan.siteTag}-tag-${wpSlug}`.slice(0, 200) });
    row = { id, slug };
    run.createdTerms.tag.add(wpSlug);
  }
  if (!source || source.targetId !== row.id) await run.remember('tag', wpSlug, edition, 'tag', row.id, digest(term));
  run.tags.set(key, row);
  return row;
}

/** Category slugs from the root down, as nashr's category URL has them. */
function categoryPath(run: ImportRun, key: string): string[] {
  const path: string[] = [];
  for (let k: string | null = key, n = 0; k && n < 50; n++) {
    const c = run.categories.get(k);
    if (!c) break;
    path.unshift(c.slug);
    k = c.parentKey;
  }
  return path;
}

function wpCategoryPath(run: ImportRun, wpSlug: string): string {
  const path: string[] = [];
  for (let s: string | undefined = wpSlug, n = 0; s && n < 50; n++) {
    path.unshift(s);
    s = run.scan.categories.get(s)?.parent || undefined;
  }
  return path.join('/');
}

/**
 * After the items: terms no item used are made in the export's own edition (so nothing of the
 * list is lost), counts are settled, and the old category and tag archives redirect to the new.
 */
export async function finishTerms(run: ImportRun): Promise<void> {
  const used = (map: Map<string, unknown>) => new Set([...map.keys()].map((k) => k.slice(k.indexOf('|') + 1)));
  const usedCategories = used(run.categories);
  for (const slug of run.scan.categories.keys()) if (!usedCategories.has(slug)) await ensureCategory(run, run.defaultEdition, slug);
  const usedTags = used(run.tags);
  for (const slug of run.scan.tags.keys()) if (!usedTags.has(slug)) await ensureTag(run, run.defaultEdition, slug);

  for (const [kind, all, created] of [['category', run.scan.categories, run.createdTerms.category], ['tag', run.scan.tags, run.createdTerms.tag]] as const) {
    run.report.add(kind, 'found', all.size);
    run.report.add(kind, 'imported', created.size);
    run.report.add(kind, 'skipped', all.size - created.size);
  }
  // Each old archive leads to the category or tag in the export's own edition, else the first it went to.
  const redirected = new Set<string>();
  const ordered = [...run.categories.entries()].sort(([a], [b]) => Number(!a.startsWith(`${run.defaultEdition}|`)) - Number(!b.startsWith(`${run.defaultEdition}|`)));
  for (const [key] of ordered) {
    const edition = key.slice(0, key.indexOf('|'));
    const wpSlug = key.slice(key.indexOf('|') + 1);
    if (redirected.has(wpSlug)) continue;
    redirected.add(wpSlug);
    const to = run.url(edition, `/category/${categoryPath(run, key).join('/')}/`);
    await run.redirect(run.oldPath(`/category/${wpCategoryPath(run, wpSlug)}/`), to);
    const termId = run.scan.categories.get(wpSlug)?.termId;
    if (termId) await run.redirect(run.oldPath(`/?cat=${termId}`), to);
  }
  redirected.clear();
  const tags = [...run.tags.entries()].sort(([a], [b]) => Number(!a.startsWith(`${run.defaultEdition}|`)) - Number(!b.startsWith(`${run.defaultEdition}|`)));
  for (const [key, tag] of tags) {
    const edition = key.slice(0, key.indexOf('|'));
    const wpSlug = key.slice(key.indexOf('|') + 1);
    if (redirected.has(wpSlug)) continue;
    redirected.add(wpSlug);
    await run.redirect(run.oldPath(`/tag/${wpSlug}/`), run.url(edition, `/tag/${tag.slug}/`));
  }
}
