import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoEditions } from '../../../src/modules/demo/editions/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';

const en = demoEditions.en!;

for (const dialect of DIALECTS) {
  describe(`pinned items on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect);
    });
    after(() => site?.close());

    const titles = async (url: string) => (await getPage(site.app, url)).doc.querySelectorAll('main article.card .card-title a').map((a) => a.text);
    const pin = async (slug: string, pinned: 0 | 1) => {
      await site.storage.db.updateTable('items').set({ pinned }).where('edition', '=', 'en').where('slug', '=', slug).execute();
    };

    it('head the home page, once: page 1 lists them first and no page repeats them', async () => {
      const old = en.articles[15]!;
      const draft = en.articles[16]!;
      await pin(old.slug, 1);
      await site.storage.db.updateTable('items').set({ pinned: 1, status: 'draft' }).where('edition', '=', 'en').where('slug', '=', draft.slug).execute();
      try {
        const one = await titles('/');
        assert.equal(one[0], old.title);
        assert.equal(one[1], en.articles[0]!.title, 'then the newest, by date');
        assert.equal(one.length, 11, 'the pinned item and a whole page');
        const all = [...one, ...(await titles('/page/2/')), ...(await titles('/page/3/')), ...(await titles('/page/4/'))];
        assert.equal(all.filter((t) => t === old.title).length, 1, 'no page repeats it');
        assert.ok(!all.includes(draft.title), 'an unpublished pinned item is not shown');
        assert.equal(new Set(all).size, all.length);
      } finally {
        await pin(old.slug, 0);
        await site.storage.db.updateTable('items').set({ pinned: 0, status: 'published' }).where('edition', '=', 'en').where('slug', '=', draft.slug).execute();
      }
    });

    it('leave categories, tags, the Articles section and other editions in date order', async () => {
      const old = en.articles[15]!;
      const { doc } = await getPage(site.app, `/${old.slug}/`);
      const category = doc.querySelector('.entry-header .category-label')!.getAttribute('href')!;
      const urls = [category, '/articles/', '/fa/'];
      const before = await Promise.all(urls.map(titles));
      await pin(old.slug, 1);
      try {
        assert.deepEqual(await Promise.all(urls.map(titles)), before);
      } finally {
        await pin(old.slug, 0);
      }
    });
  });
}
