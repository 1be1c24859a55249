import type { Clock } from '../../lib/clock.js';

interface Window {
  failures: number;
  startedAt: number;
}

/**
 * Counts failed sign-ins per account and per address in fixed windows. Past the limit, even a
 * right password is refused until the window ends, so guessing gains nothing by waiting for luck.
 * In memory: one server process is the unit that is attacked and that answers.
 */
export class SignInLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly clock: Clock,
    private readonly limits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 },
  ) {}

  /** Seconds until the account or address may try again, or 0. */
  retryAfter(account: string, address: string): number {
    const now = this.clock.now().getTime();
    let wait = 0;
    for (const [key, limit] of this.keys(account, address)) {
      const w = this.windows.get(key);
      if (!w) continue;
      if (now - w.startedAt >= this.limits.windowMs) this.windows.delete(key);
      else if (w.failures >= limit) wait = Math.max(wait, Math.ceil((w.startedAt + this.limits.windowMs - now) / 1000));
    }
    return wait;
  }

  recordFailure(account: string, address: string): void {
    const now = this.clock.now().getTime();
    for (const [key] of this.keys(account, address)) {
      const w = this.windows.get(key);
      if (!w || now - w.startedAt >= this.limits.windowMs) this.windows.set(key, { failures: 1, startedAt: now });
      else w.failures++;
    }
    if (this.windows.size > 100_000) this.prune(now);
  }

  /** A successful sign-in clears the account's count (not the address's: one address, many guesses). */
  recordSuccess(account: string): void {
    this.windows.delete(`account:${account}`);
  }

  private keys(account: string, address: string): [string, number][] {
    return [[`account:${account.toLowerCase()}`, this.limits.perAccount], [`address:${address}`, this.limits.perAddress]];
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.startedAt >= this.limits.windowMs) this.windows.delete(key);
  }
}
