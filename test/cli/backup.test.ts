import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createItem } from '../../src/modules/content/index.js';
import { openDatabase } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import { freshStorage } from '../support/dialects.js';

const nashrArgs = (args: string[]) => ['bin/nashr.js', ...args];
const withEnv = (env: Record<string, string>) => ({ ...process.env, ...env, NODE_ENV: 'test' });

function nashr(args: string[], env: Record<string, string>) {
  const res = spawnSync(process.execPath, nashrArgs(args), { env: withEnv(env), encoding: 'utf8' });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

/** The same, without blocking this process: its database keeps taking writes meanwhile. */
function nashrAsync(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nashrArgs(args), { env: withEnv(env) });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('nashr backup on sqlite', () => {
  let fresh: Awaited<ReturnType<typeof freshStorage>>;
  let env: Record<string, string>;
  let dir: string;
  const at = '2026-01-01T00:00:00.000Z';

  before(async () => {
    fresh = await freshStorage('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'nashr-backup-'));
    env = { NASHR_DATABASE_URL: fresh.url, NASHR_DATA_DIR: join(dir, 'data') };
    await migrateToLatest(fresh.storage.db);
    // Enough pages for a backup of several steps.
    const body = `<p>${'Lorem ipsum dolor sit amet. '.repeat(400)}</p>`;
    for (let i = 0; i < 300; i++) await createItem(fresh.storage.db, { edition: 'en', type: 'article', slug: `story-${i}`, title: `Story ${i}`, bodyHtml: body, status: 'published', publishedAt: at });
  });
  after(async () => {
    await fresh?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the database while it is being written to, showing its progress, into a file that opens with every row', async () => {
    const dest = join(dir, 'copy.sqlite');
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        // One transaction per item, as the newsroom saves one: a backup holds whole commits.
        await fresh.storage.db.transaction().execute((trx) => createItem(trx, { edition: 'sq', type: 'article', slug: `lajme-${written}`, title: `Lajme ${written}`, status: 'published', publishedAt: at }));
        written++;
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const res = await nashrAsync(['backup', dest], env);
    writing = false;
    await writer;
    assert.equal(res.code, 0, res.err);
    assert.match(res.err, /\rbacking up \[#{30}\] (\d+)\/\1 pages 100%/);
    assert.match(res.out, /backed up the database \(\d+ pages, [\d.]+ MB\) to .*copy\.sqlite/);
    assert.match(res.out, /copy that folder too/);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('copy')), ['copy.sqlite'], 'no partial file is left');

    const copy = openDatabase(`sqlite:${dest}`);
    try {
      const count = async (edition: string) => Number((await sql<{ n: number }>`select count(*) as n from items where edition = ${edition}`.execute(copy.db)).rows[0]!.n);
      assert.equal(await count('en'), 300);
      const sq = await count('sq');
      assert.ok(sq <= written, `the copy holds a moment's state (${sq} of ${written} written)`);
      assert.equal(Number((await sql<{ n: number }>`select count(*) as n from item_bodies b join items i on i.id = b.item_id where i.edition = 'sq'`.execute(copy.db)).rows[0]!.n), sq, 'no item without its body');
      assert.equal((await sql<{ quick_check: string }>`pragma quick_check`.execute(copy.db)).rows[0]!.quick_check, 'ok');
    } finally {
      await copy.close();
    }
  });

  it('never overwrites a file, and refuses wrong arguments with exit code 2', () => {
    const taken = join(dir, 'taken.sqlite');
    writeFileSync(taken, 'precious');
    const res = nashr(['backup', taken], env);
    assert.equal(res.code, 2);
    assert.match(res.err, /already exists/);
    assert.equal(readdirSync(dir).filter((f) => f.startsWith('taken')).length, 1);
    for (const args of [['backup'], ['backup', 'a', 'b'], ['backup', '--now']]) assert.equal(nashr(args, env).code, 2, args.join(' '));
    const pg = nashr(['backup', join(dir, 'pg.sql')], { ...env, NASHR_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    assert.equal(pg.code, 2);
    assert.match(pg.err, /pg_dump/);
  });

  it('fails with exit code 1 and writes nothing when the folder or the database is missing', () => {
    const noFolder = nashr(['backup', join(dir, 'missing', 'copy.sqlite')], env);
    assert.equal(noFolder.code, 1);
    assert.match(noFolder.err, /does not exist/);
    const noDb = nashr(['backup', join(dir, 'none.sqlite')], { ...env, NASHR_DATABASE_URL: `sqlite:${join(dir, 'nothing-here.sqlite')}` });
    assert.equal(noDb.code, 1);
    assert.match(noDb.err, /no database/);
    assert.equal(existsSync(join(dir, 'none.sqlite')), false);
  });
});
