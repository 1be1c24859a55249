/** One rendered public page, with what is needed to answer for it again without rendering. */
export interface CachedPage {
  body: Buffer;
  /** compressed once, when first asked for */
  encoded: { br?: Buffer; gzip?: Buffer };
  /** response headers to replay (type, CSP, …) */
  headers: Record<string, string>;
  /** the body's hash: the strong ETag, per content coding */
  hash: string;
  /** when it was rendered: the Last-Modified (changes invalidate the page, so nothing in it is newer) */
  lastModified: Date;
  bytes: number;
  tags: string[];
}

/** Bytes a page costs beyond its bodies: key, headers, tags, map entries. */
const OVERHEAD = 600;

/**
 * Rendered public pages by URL, bounded in bytes (least recently used go first), with an index
 * from tags ("item:12", "lists:fa", "ed:fa") to the pages that show them, so a change removes
 * exactly the pages that show it.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly byTag = new Map<string, Set<string>>();
  private used = 0;
  hits = 0;
  misses = 0;
  /** counts invalidations: a page rendered across one may show what changed, and is not kept */
  generation = 0;

  /**
   * `maxAgeMs` bounds how long a page is reused even when nothing changes: the comment and
   * contact forms on it carry a token from its rendering, good for a day.
   */
  constructor(readonly maxBytes: number, readonly maxAgeMs = 3_600_000, private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.pages.size;
  }

  get bytes(): number {
    return this.used;
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page || this.now() - page.lastModified.getTime() > this.maxAgeMs) {
      if (page) this.delete(key);
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Most recently used last: re-insert.
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  set(key: string, page: Omit<CachedPage, 'bytes'>): CachedPage | undefined {
    const bytes = page.body.length + OVERHEAD + key.length * 2 + page.tags.reduce((n, t) => n + t.length * 2 + 40, 0);
    if (bytes > this.maxBytes / 4) return undefined;
    this.delete(key);
    const entry = { ...page, bytes };
    this.pages.set(key, entry);
    this.used += bytes;
    for (const tag of page.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    this.evict();
    return entry;
  }

  /** Adds a compressed body to a page still in the cache (it counts against the bound). */
  addEncoding(key: string, page: CachedPage, coding: 'br' | 'gzip', body: Buffer): void {
    if (this.pages.get(key) !== page || page.encoded[coding]) return;
    page.encoded[coding] = body;
    page.bytes += body.length;
    this.used += body.length;
    this.evict();
  }

  /** Removes every page that carries any of the tags; returns how many went. */
  invalidate(tags: Iterable<string>): number {
    this.generation++;
    let removed = 0;
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) removed += this.delete(key) ? 1 : 0;
    }
    return removed;
  }

  clear(): void {
    this.generation++;
    this.pages.clear();
    this.byTag.clear();
    this.used = 0;
  }

  private delete(key: string): boolean {
    const page = this.pages.get(key);
    if (!page) return false;
    this.pages.delete(key);
    this.used -= page.bytes;
    for (const tag of page.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
    return true;
  }

  private evict(): void {
    for (const key of this.pages.keys()) {
      if (this.used <= this.maxBytes) return;
      this.delete(key);
    }
  }
}
