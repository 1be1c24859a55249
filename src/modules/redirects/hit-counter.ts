import type { Db } from '../../storage/database.js';
import { addHits } from './redirects.repository.js';

/**
 * How often each redirect is used, counted in memory and written at most once per interval in
 * one transaction: answering a redirect never waits for a write, and a crawler walking thousands
 * of old addresses costs one write a second, not one per request. Counts not yet written when the
 * process dies are lost; they are statistics, not content.
 */
export class RedirectHitCounter {
  private pending = new Map<number, { n: number; at: string }>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
    private readonly intervalMs = 1000,
  ) {}

  count(id: number, at: Date = new Date()): void {
    const p = this.pending.get(id);
    if (p) {
      p.n++;
      p.at = at.toISOString();
    } else {
      this.pending.set(id, { n: 1, at: at.toISOString() });
    }
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes what was counted (also at shutdown); resolves once written or given up. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    if (batch.size === 0) return this.flushing;
    this.flushing = this.flushing.then(() =>
      this.db
        .transaction()
        .execute(async (trx) => {
          for (const [id, { n, at }] of batch) await addHits(trx, id, n, at);
        })
        .catch(this.onError),
    );
    return this.flushing;
  }
}
