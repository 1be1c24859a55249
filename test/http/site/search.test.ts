import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { createItem } from '../../../src/modules/content/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';

let address = 0;
/** Each call from its own address, so the rate limit meets only the test that is about it. */
async function search(site: TestSite, url: string) {
  address++;
  const res = await site.app.inject({ url, remoteAddress: `192.0.2.${address % 250}` });
  return { status: res.statusCode, body: res.body, doc: parse(res.body), headers: res.headers };
}
const cardTitles = (doc: ReturnType<typeof parse>) => doc.querySelectorAll('.card-title a').map((a) => a.text);

for (const dialect of DIALECTS) {
  describe(`the search page on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let n = 0;
    const add = (o: { edition: string; title: string; excerpt?: string; body?: string; type?: string; date?: string }) =>
      createItem(site.storage.db, { edition: o.edition, type: o.type ?? 'article', slug: `s-${++n}`, title: o.title, excerpt: o.excerpt ?? '', bodyHtml: o.body ?? '', status: 'published', publishedAt: o.date ?? '2025-06-01T00:00:00.000Z' });

    before(async () => {
      site = await openTestSite(dialect, { seed: false });
      await add({ edition: 'fa', title: 'کتاب‌های کودکان', excerpt: 'هر هفته به کتابخانه می‌روم و <کتاب> تازه می‌خوانم' });
      await add({ edition: 'ar', title: 'الإسلام والعلم', body: '<p>حوار عن الإسلام في القرن ١٥</p>' });
      await add({ edition: 'en', title: 'Kestrel survey', body: '<p>Counting kestrels</p>', date: '2023-05-01T00:00:00.000Z' });
      await add({ edition: 'en', title: 'Kestrel handbook', type: 'book', date: '2024-05-01T00:00:00.000Z' });
      for (let i = 0; i < 12; i++) await add({ edition: 'en', title: `Heron notes ${i}`, date: `2025-01-${String(i + 10)}T00:00:00.000Z` });
    });
    after(() => site?.close());

    it('finds a Persian article typed on an Arabic keyboard, with the words marked in the snippet', async () => {
      for (const q of ['كتاب', 'کتاب', 'مي روم', 'می‌روم']) {
        const res = await search(site, `/fa/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, q);
        assert.deepEqual(cardTitles(res.doc), ['کتاب‌های کودکان'], q);
      }
      const res = await search(site, `/fa/search?q=${encodeURIComponent('كتاب')}`);
      const snippet = res.doc.querySelector('.card .entry-summary, .card p')!.innerHTML;
      assert.match(snippet, /<mark>کتابخانه<\/mark>/);
      assert.ok(snippet.includes('&lt;<mark>کتاب</mark>&gt;'), snippet);
      assert.equal(res.doc.querySelector('meta[name="robots"]')!.getAttribute('content'), 'noindex');
      assert.equal(res.doc.querySelector('#search-q')!.getAttribute('value'), 'كتاب', 'the header box keeps the query');
    });

    it('searches only the edition it is asked in', async () => {
      assert.deepEqual(cardTitles((await search(site, `/ar/search?q=${encodeURIComponent('اسلام')}`)).doc), ['الإسلام والعلم']);
      assert.deepEqual(cardTitles((await search(site, `/ar/search?q=15`)).doc), ['الإسلام والعلم'], 'Arabic-Indic digits are Latin ones');
      assert.deepEqual(cardTitles((await search(site, `/fa/search?q=${encodeURIComponent('اسلام')}`)).doc), []);
      assert.deepEqual(cardTitles((await search(site, `/search?q=${encodeURIComponent('كتاب')}`)).doc), []);
    });

    it('filters by type and year, and refuses filters that are not choices', async () => {
      assert.deepEqual(cardTitles((await search(site, '/search?q=kestrel')).doc).sort(), ['Kestrel handbook', 'Kestrel survey']);
      assert.deepEqual(cardTitles((await search(site, '/search?q=kestrel&type=book')).doc), ['Kestrel handbook']);
      assert.deepEqual(cardTitles((await search(site, '/search?q=kestrel&year=2023')).doc), ['Kestrel survey']);
      const chosen = (await search(site, '/search?q=kestrel&type=book&year=2024')).doc;
      assert.equal(chosen.querySelector('#search-type option[selected]')!.getAttribute('value'), 'book');
      assert.equal(chosen.querySelector('#search-year option[selected]')!.getAttribute('value'), '2024');
      for (const bad of ['type=users', 'type=<b>', 'year=99', 'year=2024x', 'q=a&q=b']) assert.equal((await search(site, `/search?q=kestrel&${bad}`)).status, 400, bad);
    });

    it('pages through results with Newer and Older links that keep the query and filters', async () => {
      const one = await search(site, '/search?q=heron&type=article');
      assert.equal(cardTitles(one.doc).length, 10);
      const older = one.doc.querySelector('.pagination a.older')!.getAttribute('href')!;
      assert.equal(older, '/search/page/2/?q=heron&type=article');
      assert.equal(one.doc.querySelector('.pagination a.newer'), null);
      const two = await search(site, older);
      assert.equal(cardTitles(two.doc).length, 2);
      assert.equal(two.doc.querySelector('.pagination a.newer')!.getAttribute('href'), '/search/?q=heron&type=article');
      assert.equal(new Set([...cardTitles(one.doc), ...cardTitles(two.doc)]).size, 12);
      assert.equal((await search(site, '/search/page/3/?q=heron')).status, 404);
      assert.equal((await search(site, '/search/page/2/')).status, 404);
    });

    it('shows the empty search page for an empty query', async () => {
      for (const url of ['/search', '/search/', '/search?q=', '/search?q=%20%20', '/fa/search?q=']) {
        const res = await search(site, url);
        assert.equal(res.status, 200, url);
        assert.equal(res.doc.querySelectorAll('.card').length, 0);
        assert.ok(res.doc.querySelector('.empty-state h2'), url);
      }
    });

    it('answers FTS syntax and odd queries with results or an honest "no results", never a server error', async () => {
      const queries = ['"', '"kestrel', 'kestrel"', '""""', '*', 'kestrel*', '* kestrel', 'NEAR', 'NEAR(kestrel survey)', 'NEAR/2', '-kestrel', '- -', 'OR', 'kestrel OR', 'OR OR OR', 'AND', 'NOT kestrel',
        'title:kestrel', 'body:', ':', '{title}: x', '(', ')', '((kestrel', '^kestrel', "'", "''", '\\', ':*', '&|!<->', 'kestrel & survey', '!kestrel', '\u0000', '\u200c', '٭', '🙂', '%', '_', "' OR 1=1 --", 'a'.repeat(200)];
      for (const q of queries) {
        const res = await search(site, `/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, `${JSON.stringify(q)}: ${res.status}`);
        assert.ok(!/fts5|syntax error|tsquery/i.test(res.body), q);
      }
      assert.deepEqual(cardTitles((await search(site, `/search?q=${encodeURIComponent('"kestrel')}`)).doc).sort(), ['Kestrel handbook', 'Kestrel survey']);
      assert.deepEqual(cardTitles((await search(site, `/search?q=${encodeURIComponent('title:survey')}`)).doc), []);
      for (const q of ['x'.repeat(5000), 'کتاب '.repeat(1000)]) {
        const res = await search(site, `/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 400, 'an over-long query is refused, not cut');
        assert.ok(res.doc.querySelector('h1'));
      }
    });

    it('limits searches per address, with a 429 page in the edition’s language', async () => {
      const from = { remoteAddress: '203.0.113.7' };
      let res = await site.app.inject({ url: '/fa/search?q=x', ...from });
      for (let i = 0; i < 30 && res.statusCode === 200; i++) res = await site.app.inject({ url: '/fa/search?q=x', ...from });
      assert.equal(res.statusCode, 429);
      assert.ok(Number(res.headers['retry-after']) >= 1);
      const doc = parse(res.body);
      assert.equal(doc.querySelector('html')!.getAttribute('lang'), 'fa');
      assert.equal(doc.querySelector('h1')!.text, 'جست‌وجوهای بیش از حد');
      assert.equal((await site.app.inject({ url: '/search?q=x', ...from })).statusCode, 429, 'one limit across editions');
      assert.equal((await site.app.inject({ url: '/search?q=x', remoteAddress: '203.0.113.8' })).statusCode, 200, 'others still search');
    });

    it('redirects page 1 to the search page itself, keeping the query', async () => {
      const res = await site.app.inject({ url: '/search/page/1/?q=heron' });
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers.location, '/search/?q=heron');
      assert.equal((await getPage(site.app, '/search/page/0/?q=heron')).status, 404);
    });
  });
}
