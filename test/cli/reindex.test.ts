import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createItem } from '../../src/modules/content/index.js';
import { searchEdition } from '../../src/modules/search/index.js';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import { freshStorage } from '../support/dialects.js';

function nashr(args: string[], env: Record<string, string>) {
  const res = spawnSync(process.execPath, ['bin/nashr.js', ...args], { env: { ...process.env, ...env, NODE_ENV: 'test' }, encoding: 'utf8' });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe('nashr reindex on sqlite', () => {
  let fresh: Awaited<ReturnType<typeof freshStorage>>;
  let env: Record<string, string>;
  const titles = async (text: string, edition = 'fa') =>
    (await searchEdition(fresh.storage.db, { edition, text, page: 1, perPage: 10, now: new Date() }))!.items.map((i) => i.title);

  before(async () => {
    fresh = await freshStorage('sqlite');
    env = { NASHR_DATABASE_URL: fresh.url, NASHR_DATA_DIR: mkdtempSync(join(tmpdir(), 'nashr-cli-')) };
    const db = fresh.storage.db;
    await migrateToLatest(db);
    const at = '2026-01-01T00:00:00.000Z';
    await createItem(db, { edition: 'fa', type: 'article', slug: 'ketab', title: 'کتاب‌های تازه', status: 'published', publishedAt: at });
    await createItem(db, { edition: 'ar', type: 'article', slug: 'islam', title: 'الإسلام اليوم', status: 'published', publishedAt: at });
    await createItem(db, { edition: 'en', type: 'article', slug: 'draft', title: 'Secret draft', status: 'draft', publishedAt: at });
    for (let i = 0; i < 7; i++) await createItem(db, { edition: 'sq', type: 'article', slug: `lajme-${i}`, title: `Lajme nga Shqipëria ${i}`, status: 'published', publishedAt: at });
  });
  after(() => fresh?.dispose());

  it('rebuilds an emptied index for every edition, showing its progress', async () => {
    await sql`delete from search_documents`.execute(fresh.storage.db);
    assert.deepEqual(await titles('كتاب'), []);
    const res = nashr(['reindex'], env);
    assert.equal(res.code, 0, res.err);
    assert.match(res.err, /\rreindexing \[#{30}\] 9\/9 100%/);
    assert.match(res.out, /indexed 9 published item\(s\)/);
    assert.deepEqual(await titles('كتاب'), ['کتاب‌های تازه']);
    assert.deepEqual(await titles('اسلام', 'ar'), ['الإسلام اليوم']);
    assert.equal((await titles('shqiperia', 'sq')).length, 7);
    assert.deepEqual(await titles('secret', 'en'), [], 'drafts stay out');
  });

  it('drops entries of items that are no longer published', async () => {
    await sql`update items set status = 'draft' where slug = 'ketab'`.execute(fresh.storage.db);
    assert.equal(nashr(['reindex'], env).code, 0);
    assert.deepEqual(await titles('کتاب'), []);
  });

  it('refuses arguments with exit code 2 and a broken database with 1', () => {
    const usage = nashr(['reindex', '--now'], env);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /^nashr: reindex takes no arguments/);
    const broken = nashr(['reindex'], { ...env, NASHR_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    assert.equal(broken.code, 1);
    assert.match(broken.err, /^nashr: /m);
  });
});
