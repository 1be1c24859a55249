import type { Db } from '../../storage/database.js';
import { latestInCategory, recent, translationsOf, LISTED_TYPES, type ItemSummary } from '../../modules/content/index.js';
import { menuTree, type MenuNode } from '../../modules/menus/index.js';
import { editionSettings, type EditionSettings } from '../../modules/settings/index.js';
import { categoryTree, type CategoryTree } from '../../modules/taxonomy/index.js';

/** What every page of an edition shows around its own content. */
export interface SiteData {
  menu: MenuNode[];
  settings: EditionSettings;
  categories: CategoryTree;
  recent: { id: number; slug: string; title: string; published_at: string }[];
  /** the four newest articles of a category (null: of the edition), for related posts; loaded on first use */
  latestIn(categoryId: number | null): Promise<ItemSummary[]>;
  /** where each edition keeps the translations sharing a key (edition code → slug); loaded on first use */
  translations(key: string | null): Promise<Map<string, string>>;
}

/** A loader remembered by key for the life of one site-data generation; a failed load is not kept. */
function remembered<K, V>(loadOne: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const values = new Map<K, Promise<V>>();
  return (key) => {
    let value = values.get(key);
    if (!value) {
      value = loadOne(key);
      values.set(key, value);
      value.catch(() => values.delete(key));
    }
    return value;
  };
}

async function load(db: Db, edition: string): Promise<SiteData> {
  const [menu, settings, categories, latest] = await Promise.all([
    menuTree(db, edition),
    editionSettings(db, edition),
    categoryTree(db, edition),
    recent(db, edition, LISTED_TYPES, 5),
  ]);
  return {
    menu,
    settings,
    categories,
    recent: latest,
    latestIn: remembered((categoryId: number | null) => latestInCategory(db, edition, 'article', categoryId, 4)),
    translations: remembered((key: string | null) => translationsOf(db, key)),
  };
}

/**
 * Keeps each edition's menu, settings, categories, Recent Posts, related posts and translation
 * links for a short time (default one
 * second), so a busy page does not load them again for every reader while a change made by any
 * process — this one, the CLI, another server — still shows within that second. Concurrent
 * requests share one load; a failed load is not kept.
 */
export class SiteDataCache {
  private readonly entries = new Map<string, { until: number; data: Promise<SiteData> }>();

  constructor(private readonly db: Db, private readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  /** Forgets what was loaded: the next page loads afresh (something it shows has changed). */
  forget(): void {
    this.entries.clear();
  }

  get(edition: string): Promise<SiteData> {
    const entry = this.entries.get(edition);
    if (entry && entry.until > this.now()) return entry.data;
    const data = load(this.db, edition);
    this.entries.set(edition, { until: this.now() + this.ttlMs, data });
    data.catch(() => this.entries.delete(edition));
    return data;
  }
}
