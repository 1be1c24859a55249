import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DialectName, type Storage } from '../../src/storage/database.js';

export const POSTGRES_URL = process.env.NASHR_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The dialects storage tests run on: NASHR_TEST_DIALECTS, or both. */
export const DIALECTS: DialectName[] = (process.env.NASHR_TEST_DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim() as DialectName);

let postgresReachable: Promise<boolean> | undefined;

/**
 * Why a dialect cannot be tested here, or undefined. Outside CI a missing PostgreSQL is a
 * one-line skip; in CI it is a failure.
 */
export async function dialectSkipReason(dialect: DialectName): Promise<string | undefined> {
  if (dialect === 'sqlite') return undefined;
  postgresReachable ??= (async () => {
    // A busy machine can be slow to accept the first connection: try a few times before giving up.
    for (let attempt = 0; attempt < 3; attempt++) {
      const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5000 });
      try {
        await client.connect();
        await client.end();
        return true;
      } catch {
        await client.end().catch(() => {});
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    return false;
  })();
  if (await postgresReachable) return undefined;
  if (process.env.CI) throw new Error(`CI=true but PostgreSQL is not reachable at ${POSTGRES_URL}`);
  return `PostgreSQL not reachable at ${POSTGRES_URL}: PostgreSQL tests skipped`;
}

/** A fresh, empty database of the dialect: a temp SQLite file, or a new PostgreSQL schema. Dropped by `dispose`. */
export async function freshStorage(dialect: DialectName): Promise<{ storage: Storage; url: string; dispose(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'nashr-test-'));
    const url = `sqlite:${join(dir, 'test.sqlite')}`;
    const storage = openDatabase(url);
    return {
      storage,
      url,
      async dispose() {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await withPostgres((c) => c.query(`create schema ${schema}`));
  const sep = POSTGRES_URL.includes('?') ? '&' : '?';
  const url = `${POSTGRES_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const storage = openDatabase(url);
  return {
    storage,
    url,
    async dispose() {
      await storage.close();
      await withPostgres((c) => c.query(`drop schema if exists ${schema} cascade`));
    },
  };
}

/**
 * Runs one statement on its own connection, trying again on a busy machine's transient failures
 * (a refused or dropped connection, a lock timeout, a concurrent catalog update).
 */
async function withPostgres(run: (c: pg.Client) => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      await run(client);
      return;
    } catch (err) {
      if (attempt >= 4) throw err;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    } finally {
      await client.end().catch(() => {});
    }
  }
}
