import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { importWordpress, type ImportReport } from '../../../src/modules/import/index.js';
import { encodePath } from '../../../src/modules/editions/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';
import { countWxr } from './wxr-count.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../../shared/fixtures/wxr/${name}`, import.meta.url));

const FIXTURES = [
  'themeunittestdata.wordpress.xml',
  '64-block-test-data.xml',
  'theme-preview.xml',
  'importer-small-export.xml',
  'importer-valid-wxr-1.0.xml',
  'importer-valid-wxr-1.1.xml',
  'importer-wxr-simple.xml',
  'importer-slashes.xml',
  'importer-term-formats.xml',
  'importer-e2e-base-url-rewriting.xml',
];

async function tableCount(site: TestSite, table: 'items' | 'comments' | 'categories' | 'tags' | 'redirects' | 'users' | 'import_sources'): Promise<number> {
  const row = await site.storage.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const dialect of DIALECTS) {
  describe(`WordPress fixtures on ${dialect}`, async () => {
    const skip = await dialectSkipReason(dialect);
    let site: TestSite;
    let dataDir: string;
    const editions = ['en', 'ar', 'fa', 'sq'];
    const run = (file: string, extra: { dryRun?: boolean } = {}) =>
      importWordpress(site.storage.db, { file: fixture(file), mediaDir: join(dataDir, 'media'), editions, ...extra });

    // Each file into a site of its own: several fixtures are exports of the same test site.
    beforeEach(async () => {
      if (skip) return;
      dataDir = mkdtempSync(join(tmpdir(), 'nashr-import-'));
      site = await openTestSite(dialect, { seed: false, config: { dataDir } });
    });
    afterEach(async () => {
      await site?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    for (const file of FIXTURES) {
      it(`imports ${file} with counts that match the file, renders every item, and a second run changes nothing`, { skip }, async () => {
        const expected = countWxr(fixture(file));
        const itemsBefore = await tableCount(site, 'items');
        const commentsBefore = await tableCount(site, 'comments');
        const sourcesBefore = await tableCount(site, 'import_sources');
        const redirectsBefore = await tableCount(site, 'redirects');

        const dry = await run(file, { dryRun: true });
        assert.equal(dry.dryRun, true);
        assert.equal(await tableCount(site, 'items'), itemsBefore, 'a dry run writes nothing');
        assert.equal(await tableCount(site, 'import_sources'), sourcesBefore);
        assert.equal(await tableCount(site, 'redirects'), redirectsBefore);

        const report = await run(file);
        const c = (kind: string) => report.counts[kind] ?? { found: 0, imported: 0, updated: 0, skipped: 0 };
        const posts = expected.postTypes.post ?? { found: 0, content: 0 };
        const pages = expected.postTypes.page ?? { found: 0, content: 0 };
        assert.equal(c('article').found, posts.found);
        assert.equal(c('article').imported, posts.content);
        assert.equal(c('page').found, pages.found);
        assert.equal(c('page').imported, pages.content);
        assert.equal(c('attachment').found, expected.postTypes.attachment?.found ?? 0);
        assert.equal(c('comment').found, expected.comments.found);
        assert.equal(c('comment').imported, expected.comments.readers);
        assert.equal(c('category').found, expected.categories);
        assert.equal(c('tag').found, expected.tags);
        assert.equal(c('author').found, expected.authors);
        assert.deepEqual(dry.counts.article ?? {}, report.counts.article ?? {}, 'the dry run foresaw the same');

        assert.equal(await tableCount(site, 'items') - itemsBefore, posts.content + pages.content);
        assert.equal(await tableCount(site, 'comments') - commentsBefore, expected.comments.readers);

        // Every imported item that is public answers without an error.
        const rows = await site.storage.db
          .selectFrom('items')
          .select(['edition', 'slug', 'status'])
          .where('id', 'in', (eb) => eb.selectFrom('import_sources').select('target_id').where('source_kind', '=', 'post'))
          .execute();
        for (const r of rows.filter((r) => r.status === 'published')) {
          const url = encodePath(`${r.edition === 'en' ? '' : `/${r.edition}`}/${r.slug}/`);
          const res = await site.app.inject({ method: 'GET', url });
          assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
        }

        const again: ImportReport = await run(file);
        for (const [kind, counts] of Object.entries(again.counts)) {
          assert.equal(counts.imported, 0, `${kind}: nothing new the second time`);
          assert.equal(counts.updated, 0, `${kind}: nothing changed the second time`);
        }
        assert.equal(await tableCount(site, 'items') - itemsBefore, posts.content + pages.content);
      });
    }
  });
}
