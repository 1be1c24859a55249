import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import { freshStorage } from '../support/dialects.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../shared/fixtures/wxr/${name}`, import.meta.url));

function nashr(args: string[], env: Record<string, string>) {
  const res = spawnSync(process.execPath, ['bin/nashr.js', ...args], { env: { ...process.env, ...env, NODE_ENV: 'test' }, encoding: 'utf8' });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe('nashr import wordpress', () => {
  let fresh: Awaited<ReturnType<typeof freshStorage>>;
  let env: Record<string, string>;
  const items = async () => Number((await fresh.storage.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    fresh = await freshStorage('sqlite');
    env = { NASHR_DATABASE_URL: fresh.url, NASHR_DATA_DIR: mkdtempSync(join(tmpdir(), 'nashr-cli-import-')) };
    await migrateToLatest(fresh.storage.db);
  });
  after(async () => {
    await fresh?.dispose();
    if (env) rmSync(env.NASHR_DATA_DIR!, { recursive: true, force: true });
  });

  it('answers wrong arguments with its usage and exit code 2', () => {
    for (const args of [['import', 'drupal', 'x.xml'], ['import', 'wordpress', 'a.xml', 'b.xml'], ['import', 'wordpress', 'a.xml', '--edition', 'xx']]) {
      const res = nashr(args, env);
      assert.equal(res.code, 2, args.join(' '));
      assert.match(res.err, /usage: nashr import wordpress EXPORT.xml|unknown edition|Unknown option/);
    }
  });

  it('refuses a file it cannot import with a clear message, exit code 1, and nothing written', async () => {
    let res = nashr(['import', 'wordpress', fixture('importer-malformed.xml')], env);
    assert.equal(res.code, 1);
    assert.match(res.err, /^nashr: not well-formed XML: .*line \d+/m);
    res = nashr(['import', 'wordpress', fixture('importer-invalid-version-tag.xml')], env);
    assert.equal(res.code, 1);
    assert.match(res.err, /unknown WXR version "abc"/);
    const lol = join(env.NASHR_DATA_DIR!, 'lol.xml');
    writeFileSync(lol, '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "a"><!ENTITY b "&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>');
    res = nashr(['import', 'wordpress', lol], env);
    assert.equal(res.code, 1);
    assert.match(res.err, /document type/);
    assert.equal(await items(), 0);
  });

  it('reports a dry run without writing, then imports, then finds nothing new', async () => {
    const file = fixture('importer-small-export.xml');
    let res = nashr(['import', 'wordpress', file, '--dry-run'], env);
    assert.equal(res.code, 0, res.err);
    assert.match(res.out, /^dry run: nothing was written/);
    assert.match(res.out, /^article\s+6\s+6\s+0\s+0$/m);
    assert.equal(await items(), 0);

    res = nashr(['import', 'wordpress', file, '--edition', 'fa'], env);
    assert.equal(res.code, 0, res.err);
    assert.match(res.out, /^import finished/);
    assert.match(res.out, /^article\s+6\s+6\s+0\s+0$/m);
    assert.match(res.out, /^page\s+5\s+5\s+0\s+0$/m);
    assert.equal(res.err, '', 'no progress bar when stderr is not a terminal');
    const editions = await fresh.storage.db.selectFrom('items').select('edition').distinct().execute();
    assert.deepEqual(editions, [{ edition: 'fa' }]);

    res = nashr(['import', 'wordpress', file, '--edition', 'fa'], env);
    assert.equal(res.code, 0, res.err);
    assert.match(res.out, /^article\s+6\s+0\s+0\s+6$/m);
    assert.equal(await items(), 11);
  });
});
