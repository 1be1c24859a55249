import type { Db } from '../../storage/database.js';
import { changesSince, itemFacts, itemsByAuthor, itemsShowingMedia, latestChange, pruneChanges, type Change } from '../../modules/changes/index.js';
import { LISTED_TYPES, recent } from '../../modules/content/index.js';
import { pageTag } from './page-tags.js';

/** More changes than this in one read (an import, a bulk edit): start over rather than sort them out. */
const BATCH = 2000;
/** Changes are kept this long for followers that are behind (seconds). */
const KEEP_SECONDS = 3600;

export interface ChangeTargets {
  /** drop the pages filed under any of these tags */
  invalidate(tags: Set<string>): void;
  /** drop everything (too many changes at once, or a site-wide one) */
  clear(): void;
}

/**
 * Reads the change log the database triggers write and turns each change into the tags of
 * the pages that show it. Runs after every write this process answers (so its own next page is
 * fresh) and every `intervalMs` (changes from the CLI or another server).
 */
export class ChangeFollower {
  private seq = 0;
  private readonly recentIds = new Map<string, string>();
  private running: Promise<void> | null = null;
  private again = false;
  private lastPrune = 0;

  constructor(private readonly db: Db, private readonly editions: readonly string[], private readonly targets: ChangeTargets) {}

  /** Starts from now: what changed before is not in any page this process has cached. */
  async start(): Promise<void> {
    this.seq = await latestChange(this.db);
    for (const e of this.editions) this.recentIds.set(e, await this.recentOf(e));
  }

  /** Reads and applies every change not yet seen; concurrent calls share one run, and a call during a run waits for another. */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.readOnce();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async readOnce(): Promise<void> {
    const changes = await changesSince(this.db, this.seq, BATCH);
    if (!changes.length) return this.pruneNowAndThen();
    this.seq = changes.at(-1)!.seq;
    if (changes.length === BATCH) {
      this.seq = await latestChange(this.db);
      this.targets.clear();
      for (const e of this.editions) this.recentIds.set(e, await this.recentOf(e));
      return;
    }
    const tags = await this.tagsOf(changes);
    if (tags === 'all') this.targets.clear();
    else if (tags.size) this.targets.invalidate(tags);
  }

  private async tagsOf(changes: Change[]): Promise<Set<string> | 'all'> {
    const tags = new Set<string>();
    const items = new Map<number, 'item' | 'list'>();
    const touch = (id: number, scope: 'item' | 'list') => items.set(id, items.get(id) === 'list' ? 'list' : scope);
    for (const c of changes) {
      if (c.scope === 'edition') {
        if (!c.edition) return 'all';
        tags.add(pageTag.edition(c.edition));
      } else if (c.subject === 'item' && c.ref !== null) {
        touch(c.ref, c.scope);
        // A deleted item is gone from the items table: its edition comes from the change.
        if (c.edition) tags.add(pageTag.content(c.edition));
        if (c.edition && c.scope === 'list') tags.add(pageTag.lists(c.edition));
      } else if (c.subject === 'media' && c.ref !== null) {
        for (const i of await itemsShowingMedia(this.db, c.ref)) touch(i.id, 'item');
      } else if (c.subject === 'user' && c.ref !== null) {
        for (const i of await itemsByAuthor(this.db, c.ref)) touch(i.id, 'item');
      }
    }
    const editions = new Set<string>();
    for (const fact of await itemFacts(this.db, [...items.keys()])) {
      editions.add(fact.edition);
      tags.add(pageTag.content(fact.edition));
      if (items.get(fact.id) === 'list') tags.add(pageTag.lists(fact.edition));
      if (fact.translationKey) tags.add(pageTag.translations(fact.translationKey));
    }
    for (const id of items.keys()) tags.add(pageTag.item(id));
    for (const c of changes) if (c.subject === 'item' && c.edition) editions.add(c.edition);
    // Every page of an edition shows its Recent Posts: when they change, every page does.
    for (const e of editions) {
      const before = this.recentIds.get(e);
      const now = await this.recentOf(e);
      this.recentIds.set(e, now);
      if (before !== now || now.split(',').some((id) => items.has(Number(id)))) tags.add(pageTag.edition(e));
    }
    return tags;
  }

  private async recentOf(edition: string): Promise<string> {
    const rows = await recent(this.db, edition, LISTED_TYPES, 5);
    return rows.map((r) => r.id).join(',');
  }

  private async pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPrune < 60_000) return;
    this.lastPrune = Date.now();
    await pruneChanges(this.db, KEEP_SECONDS);
  }
}
