import type { Db } from '../../storage/database.js';
import { latestInCategory, recent, LISTED_TYPES, type ItemSummary } from '../../modules/content/index.js';
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
}

async function load(db: Db, edition: string): Promise<SiteData> {
  const [menu, settings, categories, latest] = await Promise.all([
    menuTree(db, edition),
    editionSettings(db, edition),
    categoryTree(db, edition),
    recent(db, edition, LISTED_TYPES, 5),
  ]);
  const byCategory = new Map<number | null, Promise<ItemSummary[]>>();
  const latestIn = (categoryId: number | null) => {
    let list = byCategory.get(categoryId);
    if (!list) {
      list = latestInCategory(db, edition, 'article', categoryId, 4);
      byCategory.set(categoryId, list);
      list.catch(() => byCategory.delete(categoryId));
    }
    return list;
  };
  return { menu, settings, categories, recent: latest, latestIn };
}

/**
 * Keeps each edition's menu, settings, categories, Recent Posts and related posts for a short time (default one
 * second), so a busy page does not load them again for every reader while a change made by any
 * process — this one, the CLI, another server — still shows within that second. Concurrent
 * requests share one load; a failed load is not kept.
 */
export class SiteDataCache {
  private readonly entries = new Map<string, { until: number; data: Promise<SiteData> }>();

  constructor(private readonly db: Db, private readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  get(edition: string): Promise<SiteData> {
    const entry = this.entries.get(edition);
    if (entry && entry.until > this.now()) return entry.data;
    const data = load(this.db, edition);
    this.entries.set(edition, { until: this.now() + this.ttlMs, data });
    data.catch(() => this.entries.delete(edition));
    return data;
  }
}
