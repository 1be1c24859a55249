/**
 * Counts contact-form posts per address in a sliding window, in memory: every attempt counts,
 * refused or not, so a robot trying tokens is slowed as much as one that succeeds.
 */
export class ContactLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(readonly max = 5, readonly windowMs = 10 * 60_000) {}

  /** Records an attempt; false when the address has used up its window. */
  attempt(ip: string, now: number = Date.now()): boolean {
    const since = now - this.windowMs;
    const recent = (this.hits.get(ip) ?? []).filter((t) => t > since);
    if (recent.length >= this.max) {
      this.hits.set(ip, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(ip, recent);
    if (this.hits.size > 10_000) this.prune(since);
    return true;
  }

  private prune(since: number): void {
    for (const [ip, times] of this.hits) if (!times.some((t) => t > since)) this.hits.delete(ip);
  }
}
