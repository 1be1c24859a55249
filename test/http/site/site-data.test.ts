import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SiteDataCache } from '../../../src/http/site/site-data.js';
import { addMenuItem } from '../../../src/modules/menus/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

for (const dialect of DIALECTS) {
  describe(`each edition's site data on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect);
    });
    after(() => site?.close());

    it('is reused within its time to live and read again after it, so a new menu entry shows', async () => {
      let now = 1_000;
      const cache = new SiteDataCache(site.storage.db, 1000, () => now);
      const first = await cache.get('en');
      assert.equal(await cache.get('en'), first, 'the same data within the second');
      await addMenuItem(site.storage.db, 'en', 'Newsroom blog', '/blog/', null, 99);
      now += 999;
      assert.ok(!(await cache.get('en')).menu.some((m) => m.label === 'Newsroom blog'));
      now += 2;
      assert.ok((await cache.get('en')).menu.some((m) => m.label === 'Newsroom blog'), 'read again after a second');
    });

    it('shares one load between concurrent requests and keeps editions apart', async () => {
      const cache = new SiteDataCache(site.storage.db, 1000);
      const [a, b] = await Promise.all([cache.get('fa'), cache.get('fa')]);
      assert.equal(a, b);
      assert.notEqual(await cache.get('ar'), a);
      assert.equal((await cache.get('fa')).recent.length, 5);
    });
  });
}
