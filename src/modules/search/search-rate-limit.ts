import { systemClock, type Clock } from '../../lib/clock.js';

/**
 * Searches per address in fixed windows (default 30 per 10 s): a reader never types that fast,
 * a scraper or a flood does, and each search costs a full-text query. In memory: one server
 * process is the unit that is flooded and that answers.
 */
export class SearchRateLimiter {
  private readonly windows = new Map<string, { count: number; startedAt: number }>();

  constructor(
    private readonly limits = { perWindow: 30, windowMs: 10_000 },
    private readonly clock: Clock = systemClock,
  ) {}

  /** Counts one search from the address; the seconds to wait when it is over the limit, else 0. */
  take(address: string): number {
    const now = this.clock.now().getTime();
    const w = this.windows.get(address);
    if (!w || now - w.startedAt >= this.limits.windowMs) {
      if (this.windows.size > 100_000) this.prune(now);
      this.windows.set(address, { count: 1, startedAt: now });
      return 0;
    }
    w.count++;
    return w.count > this.limits.perWindow ? Math.max(1, Math.ceil((w.startedAt + this.limits.windowMs - now) / 1000)) : 0;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.startedAt >= this.limits.windowMs) this.windows.delete(key);
  }
}
