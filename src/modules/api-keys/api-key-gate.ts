import type { Clock } from '../../lib/clock.js';
import type { Db } from '../../storage/database.js';
import { findActiveKey, touchApiKey } from './api-keys.service.js';

/** Why a request may not use the API, or which key it uses and how many requests that key has left. */
export type GateAnswer =
  | { ok: true; keyId: number; limit: number; remaining: number; resetSeconds: number }
  | { ok: false; reason: 'unauthorized' }
  | { ok: false; reason: 'rate_limited'; limit: number; retryAfterSeconds: number };

const WINDOW_MS = 60_000;
/** last_used_at is written at most this often per key, so reading the API costs no write per request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Lets a request in with an active key, within the key's limit of requests per minute (a fixed
 * window, in this process's memory). Only keys that exist are counted, so unknown keys cannot
 * fill the table.
 */
export class ApiKeyGate {
  private readonly windows = new Map<number, { start: number; count: number }>();
  private readonly touched = new Map<number, number>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    readonly perMinute: number,
  ) {}

  async admit(key: string | undefined): Promise<GateAnswer> {
    if (!key) return { ok: false, reason: 'unauthorized' };
    const found = await findActiveKey(this.db, key);
    if (!found) return { ok: false, reason: 'unauthorized' };
    const now = this.clock.now().getTime();
    let window = this.windows.get(found.id);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(found.id, window);
    }
    const resetSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    if (window.count >= this.perMinute) return { ok: false, reason: 'rate_limited', limit: this.perMinute, retryAfterSeconds: resetSeconds };
    window.count++;
    await this.touch(found.id, found.lastUsedAt, now);
    return { ok: true, keyId: found.id, limit: this.perMinute, remaining: this.perMinute - window.count, resetSeconds };
  }

  private async touch(id: number, stored: string | null, now: number): Promise<void> {
    const last = this.touched.get(id) ?? (stored ? Date.parse(stored) : 0);
    if (now - last < TOUCH_EVERY_MS) return;
    this.touched.set(id, now);
    await touchApiKey(this.db, id, new Date(now));
  }
}
