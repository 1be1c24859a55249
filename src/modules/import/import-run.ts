import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Db } from '../../storage/database.js';
import { encodePath } from '../editions/index.js';
import { RedirectError, saveRedirects } from '../redirects/index.js';
import { syncSearchEntries } from '../search/search-sync.js';
import { CommentBatch } from './comment-batch.js';
import type { ReportBuilder } from './import-report.js';
import { loadSources, saveSource, sourceKey, type SourceRow } from './import-sources.js';
import { rowsInsert } from './rows-insert.js';
import type { ImportSourceTable } from './import.table.js';
import type { ImportOptions } from './import.types.js';
import type { TypeMapping } from './type-mapping.js';
import type { BodyMedia } from './wordpress-body.js';
import type { WxrScan } from './wxr-scan.js';
import type { WxrItem } from './wxr.types.js';
import { htmlToPlain } from './wp-text.js';

/** A library file made from an attachment. */
export interface ImportedMedia extends BodyMedia {
  id: number;
}

interface NewSource {
  kind: SourceKind;
  wpId: string;
  edition: string;
  targetKind: string;
  targetId: number;
  hash: string;
}

/** New import_sources rows, many to a statement (see flushSources). */
const insertSources = rowsInsert(['wp_site', 'source_kind', 'wp_id', 'edition', 'target_kind', 'target_id', 'content_hash', 'imported_at'], (db, rows) =>
  db
    .insertInto('import_sources')
    .values(rows as unknown as Insertable<ImportSourceTable>[])
    // A comment's row from an earlier import that was not loaded (its post was made anew) is brought up to date.
    .onConflict((oc) => oc.columns(['wp_site', 'source_kind', 'wp_id', 'edition']).doUpdateSet((eb) => ({ target_id: eb.ref('excluded.target_id'), content_hash: eb.ref('excluded.content_hash'), imported_at: eb.ref('excluded.imported_at') }))),
);

/** Kinds of import_sources rows. */
export type SourceKind = 'post' | 'attachment' | 'comment' | 'category' | 'tag' | 'author';

/** SHA-256 of a value's JSON: what an object became, to compare with the next import. */
export function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * One import of one file: its options, what the scan learned, the report, and what has been
 * made so far (WordPress ids → nashr ids). `db` is the transaction of the current batch.
 */
export class ImportRun {
  db!: Db;
  readonly sources = new Map<SourceKind, Map<string, SourceRow>>();
  readonly authorIds = new Map<string, number>();
  /** WordPress user id → nashr user id (comments written by the site's people) */
  readonly wpUserIds = new Map<number, number>();
  readonly media = new Map<number, ImportedMedia>();
  readonly mediaByPath = new Map<string, ImportedMedia>();
  /** `${edition}|${wordpress slug}` → the category or tag there */
  readonly categories = new Map<string, { id: number; slug: string; parentKey: string | null }>();
  readonly tags = new Map<string, { id: number; slug: string }>();
  /** terms made (not found) by this run, by WordPress slug */
  readonly createdTerms = { category: new Set<string>(), tag: new Set<string>() };
  readonly defaultEdition: string;
  private readonly warnedLanguages = new Set<string>();

  constructor(
    readonly opts: ImportOptions,
    readonly scan: WxrScan,
    readonly report: ReportBuilder,
    readonly mapping: TypeMapping,
  ) {
    this.defaultEdition = this.matchEdition(scan.channel.language) ?? opts.editions[0]!;
  }

  /** Loads what earlier imports made; comments (the most numerous) are loaded per post instead, see commentSourcesOf. */
  async loadSources(db: Db): Promise<void> {
    for (const kind of ['post', 'attachment', 'category', 'tag', 'author'] as const) this.sources.set(kind, await loadSources(db, this.scan.site, kind));
    this.sources.set('comment', new Map());
  }

  /** Makes `source('comment', …)` answer for these comments (of one post) only, so memory does not grow with the comments of the site. */
  async commentSourcesOf(wpIds: readonly number[]): Promise<void> {
    const map = new Map<string, SourceRow>();
    for (let i = 0; i < wpIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('import_sources')
        .select(['wp_id', 'target_id', 'content_hash'])
        .where('wp_site', '=', this.scan.site)
        .where('source_kind', '=', 'comment')
        .where('wp_id', 'in', wpIds.slice(i, i + 500).map(String))
        .execute();
      for (const r of rows) map.set(sourceKey(r.wp_id), { targetId: r.target_id, hash: r.content_hash });
    }
    this.sources.set('comment', map);
  }

  source(kind: SourceKind, wpId: number | string, edition = ''): SourceRow | undefined {
    return this.sources.get(kind)!.get(sourceKey(wpId, edition));
  }

  /** New rows of import_sources, written together when the batch ends (see flushSources). */
  private readonly newSources = new Map<string, NewSource>();

  /** Remembers what a WordPress object became, in memory and (new ones at the batch's end) in the database. */
  async remember(kind: SourceKind, wpId: number | string, edition: string, targetKind: string, targetId: number, hash: string): Promise<void> {
    const map = this.sources.get(kind)!;
    const key = sourceKey(wpId, edition);
    const waiting = this.newSources.get(`${kind}|${key}`);
    if (waiting) Object.assign(waiting, { targetId, hash });
    else if (map.has(key)) await saveSource(this.db, { site: this.scan.site, kind, wpId, edition, targetKind, targetId, hash }, true);
    else this.newSources.set(`${kind}|${key}`, { kind, wpId: String(wpId), edition, targetKind, targetId, hash });
    map.set(key, { targetId, hash });
  }

  /** Writes the batch's new import_sources rows, many to a statement; call it inside the batch's transaction. */
  async flushSources(): Promise<void> {
    const rows = [...this.newSources.values()];
    this.newSources.clear();
    const now = new Date().toISOString();
    for (let i = 0; i < rows.length; i += 500) {
      await insertSources(this.db, rows.slice(i, i + 500).map((r) => [this.scan.site, r.kind, r.wpId, r.edition, r.targetKind, r.targetId, r.hash, now]));
    }
  }

  /** The edition of a language code (`fa`, `fa-IR`, `pt_BR`), or undefined. */
  matchEdition(code: string | undefined): string | undefined {
    if (!code) return undefined;
    const c = code.trim().toLowerCase().replace(/_/g, '-');
    const editions = this.opts.editions;
    return editions.find((e) => e.toLowerCase() === c) ?? editions.find((e) => e.toLowerCase() === c.split('-')[0]);
  }

  /** The item's edition: forced, else its Polylang or WPML language, else the export's language, else the site's default. */
  editionOf(item: WxrItem): string {
    if (this.opts.edition) return this.opts.edition;
    const lang = item.terms.find((t) => t.domain === 'language')?.slug ?? item.meta.get('_wpml_import_language_code');
    if (lang) {
      const edition = this.matchEdition(lang);
      if (edition) return edition;
      if (!this.warnedLanguages.has(lang)) {
        this.warnedLanguages.add(lang);
        this.report.warn({ kind: 'language', message: `no edition for the language "${lang}": its items go to the ${this.defaultEdition} edition` });
      }
    }
    return this.defaultEdition;
  }

  /** The translation group an item shares with its translations (Polylang or WPML), as a translation key. */
  translationKeyOf(item: WxrItem): string | null {
    const polylang = item.terms.find((t) => t.domain === 'post_translations')?.slug;
    if (polylang) return `wp-${this.scan.siteTag}-${polylang}`.slice(0, 200);
    const wpml = item.meta.get('_wpml_import_translation_group');
    return wpml ? `wp-${this.scan.siteTag}-wpml-${wpml.trim()}`.slice(0, 200) : null;
  }

  /** A site path inside an edition, percent-encoded as the site writes it. */
  url(edition: string, path: string): string {
    const prefix = this.opts.editionPrefixes?.[edition] ?? (edition === this.opts.editions[0] ? '' : `/${edition}`);
    return encodePath(prefix + path);
  }

  /** The old site's address `path` (`/?p=1`, `/category/news/`), under the folder WordPress lived in. */
  oldPath(path: string): string {
    return this.scan.basePath + path;
  }

  /** Redirects waiting for the batch's end (see flushBatch), in order. */
  private readonly newRedirects: { from: string; to: string }[] = [];

  /** Stores a redirect from an old address (with the batch, see flushBatch), counting it; a refused one is a warning. */
  async redirect(from: string, to: string): Promise<void> {
    // An old address nashr answers the same way (a category at /category/news/) needs none.
    if (sameAddress(from, to)) return;
    this.report.add('redirect', 'found');
    this.newRedirects.push({ from, to });
  }

  /** New comments of the batch's new items, inserted together before its end (see flushComments). */
  readonly comments = new CommentBatch();

  /** Inserts the batch's waiting comments; call it before their items' counts are recounted. */
  async flushComments(): Promise<void> {
    await this.comments.flush(this.db, (wpId, id, hash) => this.remember('comment', wpId, '', 'comment', id, hash));
  }

  /** Items created or changed in this batch, indexed for search together at its end. */
  readonly searchIds: number[] = [];

  /**
   * Ends a batch inside its transaction: the search entries of its items, its redirects (many to
   * a statement where they touch no stored redirect) and its new import_sources rows.
   */
  async flushBatch(): Promise<void> {
    await this.flushComments();
    const ids = this.searchIds.splice(0);
    if (ids.length) await syncSearchEntries(this.db, ids);
    const redirects = this.newRedirects.splice(0);
    const results = await saveRedirects(this.db, redirects.map((r) => ({ ...r, source: 'import' as const })));
    for (const [i, result] of results.entries()) {
      if (result instanceof RedirectError) {
        this.report.add('redirect', 'skipped');
        this.report.warn({ kind: 'redirect', message: `no redirect from ${redirects[i]!.from.slice(0, 200)}: ${result.message}` });
      } else this.report.add('redirect', result === 'created' ? 'imported' : result === 'updated' ? 'updated' : 'skipped');
    }
    await this.flushSources();
  }

  private attachmentsById?: Map<number, WxrItem>;

  /** An attachment that is not in the library, as its old address (an image only). */
  originalAttachment(id: number): BodyMedia | undefined {
    this.attachmentsById ??= new Map(this.scan.attachments.map((a) => [a.postId, a]));
    const a = this.attachmentsById.get(id);
    if (!a || !/^https?:\/\/\S+\.(?:jpe?g|png|gif|webp|avif)$/i.test(a.attachmentUrl)) return undefined;
    const alt = (a.meta.get('_wp_attachment_image_alt') ?? '').trim();
    return { url: a.attachmentUrl, kind: 'image', width: null, height: null, alt, caption: htmlToPlain(a.excerpt), variants: [] };
  }

  progress(phase: string, done: number, total?: number): void {
    this.opts.onProgress?.({ phase, done, total });
  }
}

function sameAddress(a: string, b: string): boolean {
  const norm = (s: string) => {
    let d = s;
    try {
      d = decodeURIComponent(s);
    } catch {
      // compared as it is
    }
    return d.normalize('NFC').toLowerCase().replace(/\/+$/, '');
  };
  return norm(a) === norm(b);
}

/** The path (and query) of an old permalink, if it is an address of the old site. */
export function permalinkPath(link: string): string | undefined {
  try {
    const u = new URL(link);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return u.pathname.replace(/^\/{2,}/, '/') + u.search;
  } catch {
    return undefined;
  }
}
