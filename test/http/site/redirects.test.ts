import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { findRedirect, saveRedirect } from '../../../src/modules/redirects/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

/** Every shape of old WordPress address, and where the import sent it (`/feed/` itself nashr answers: the feeds' own redirect). */
const OLD: [string, string][] = [
  ['/?p=123', '/an-article/'],
  ['/?page_id=5', '/about-us/'],
  ['/?attachment_id=9', '/media-page/'],
  ['/?cat=3', '/category/news/'],
  ['/?tag=x', '/tag/x/'],
  ['/?feed=rss2', '/'],
  ['/2019/05/some-slug/', '/some-slug-now/'],
  ['/old-slug/', '/new-slug/'],
  ['/category/old-news/', '/category/news/'],
  ['/tag/old-x/', '/tag/x/'],
  ['/comments/feed/', '/'],
  ['/category/old-news/feed/', '/category/news/'],
];

const SALAM_ENCODED = '/2019/05/%D8%B3%D9%84%D8%A7%D9%85-%D8%AF%D9%86%DB%8C%D8%A7/';

for (const dialect of DIALECTS) {
  describe(`old addresses on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect, { seed: false });
      const db = site.storage.db;
      for (const [from, to] of OLD) await saveRedirect(db, { from, to, source: 'import' });
      await saveRedirect(db, { from: SALAM_ENCODED, to: '/fa/سلام-دنیا/', source: 'import' });
      await saveRedirect(db, { from: '/?page_id=7&lang=fa', to: '/fa/درباره/', source: 'import' });
      await saveRedirect(db, { from: '/fa/?p=44', to: '/fa/مقاله/', source: 'import' });
      await saveRedirect(db, { from: '/articles/', to: '/elsewhere/', source: 'import' });
      await saveRedirect(db, { from: '/withdrawn/', to: '', status: 410, source: 'manual' });
      await saveRedirect(db, { from: '/?page_id=99', to: '', status: 410, source: 'manual' });
      await saveRedirect(db, { from: '/?cat=77', to: '/category/counted/', source: 'import' });
      await saveRedirect(db, { from: '/donate/', to: 'https://donate.example.org/?from=site', source: 'manual', status: 302 });
    });
    after(() => site?.close());

    const get = (url: string, method: 'GET' | 'HEAD' | 'POST' = 'GET') => site.app.inject({ method, url });

    it('sends every kind of old WordPress address on with a 301, in one hop', async () => {
      for (const [from, to] of OLD) {
        const res = await get(from);
        assert.equal(res.statusCode, 301, from);
        assert.equal(res.headers.location, to, from);
      }
      const noSlash = await get('/2019/05/some-slug');
      assert.equal(noSlash.statusCode, 301);
      assert.equal(noSlash.headers.location, '/some-slug-now/', 'straight to the new page, not first to the slashed address');
      assert.equal((await get('/index.php?p=123')).headers.location, '/an-article/');
      assert.equal((await get('/?p=123', 'HEAD')).statusCode, 301);
    });

    it('matches Persian slugs percent-encoded in either case, or typed as they are', async () => {
      for (const url of [SALAM_ENCODED, SALAM_ENCODED.toLowerCase(), encodeURI('/2019/05/سلام-دنیا/'), SALAM_ENCODED.slice(0, -1)]) {
        const res = await get(url);
        assert.equal(res.statusCode, 301, url);
        assert.equal(res.headers.location, '/fa/%D8%B3%D9%84%D8%A7%D9%85-%D8%AF%D9%86%DB%8C%D8%A7/', url);
      }
    });

    it('matches query parameters in any order, and ignores tracking ones', async () => {
      assert.equal((await get('/?lang=fa&page_id=7')).headers.location, encodeURI('/fa/درباره/'));
      assert.equal((await get('/?page_id=7&lang=fa')).headers.location, encodeURI('/fa/درباره/'));
      assert.equal((await get('/?utm_source=x&p=123')).headers.location, '/an-article/');
      assert.equal((await get('/old-slug/?utm_campaign=y')).headers.location, '/new-slug/');
      assert.equal((await get('/fa/?p=44')).headers.location, encodeURI('/fa/مقاله/'), 'an edition’s own query addresses');
    });

    it('answers 404 where there is no redirect, and serves the home page for unknown WordPress ids', async () => {
      const missing = await get('/no-such-old-page/');
      assert.equal(missing.statusCode, 404);
      assert.equal(parse(missing.body).querySelector('h1')!.text, 'Page not found');
      assert.equal((await get('/?p=999')).statusCode, 200);
      assert.equal((await get('/?page_id=7')).statusCode, 200, 'a different query is a different address');
      assert.equal((await get('/old-slug/', 'POST')).statusCode, 404, 'a form posted to an old address is not moved');
    });

    it('never shadows a page nashr has', async () => {
      assert.equal((await get('/articles/')).statusCode, 200);
    });

    it('answers 410 for an address marked gone, and follows an editor’s address to another site', async () => {
      const gone = await get('/withdrawn/');
      assert.equal(gone.statusCode, 410);
      assert.equal(gone.headers.location, undefined);
      assert.equal((await get('/withdrawn')).statusCode, 410, 'not first sent to the slashed address');
      const goneQuery = await get('/?page_id=99');
      assert.equal(goneQuery.statusCode, 410, 'a WordPress query address marked gone');
      assert.equal(parse(goneQuery.body).querySelector('h1')!.text, 'Page not found');
      const donate = await get('/donate');
      assert.equal(donate.statusCode, 302);
      assert.equal(donate.headers.location, 'https://donate.example.org/?from=site');
    });

    it('counts how often each redirect is used', async () => {
      await get('/?cat=77');
      await get('/?cat=77');
      await get('/?cat=77&utm_source=x', 'HEAD');
      // Counts are written in one batch within a second of the answers.
      for (let i = 0; i < 100 && (await findRedirect(site.storage.db, '/?cat=77'))!.hits < 3; i++) await new Promise((r) => setTimeout(r, 30));
      const r = (await findRedirect(site.storage.db, '/?cat=77'))!;
      assert.equal(r.hits, 3);
      assert.ok(r.lastHitAt);
    });
  });
}
