import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';
import { readFixture } from '../../support/fixtures.js';
import { parse } from 'node-html-parser';

const payloads = [...readFixture('xss/xss_payloads_quick.txt').split('\n'), ...readFixture('xss/XSS_Polyglots.txt').split('\n')].filter((l) => l.trim());
const naughty: string[] = JSON.parse(readFixture('xss/blns.json'));

/** True when input with markup appears unescaped in the page. */
function reflectsRaw(body: string, input: string): boolean {
  return input.includes('<') && body.includes(input);
}

for (const dialect of DIALECTS) {
  describe(`bad input on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect);
    });
    after(() => site?.close());

    it('answers 404 to page numbers that are not pages, and sends /page/1/ home', async () => {
      for (const path of ['/page/0/', '/page/abc/', '/page/99999/', '/page/-1/', '/page/1e3/', '/page/99999999999999999999/', '/articles/page/0/', '/fa/page/۲/']) {
        const res = await getPage(site.app, path);
        assert.equal(res.status, 404, path);
      }
      const one = await site.app.inject({ url: '/articles/page/1/' });
      assert.equal(one.statusCode, 301);
      assert.equal(one.headers.location, '/articles/');
    });

    it('answers unknown slugs with the 404 page in the edition’s language', async () => {
      const en = await getPage(site.app, '/no-such-article/');
      assert.equal(en.status, 404);
      assert.equal(en.doc.querySelector('h1')!.text, 'Page not found');
      const fa = await getPage(site.app, '/fa/no-such-article/');
      assert.equal(fa.status, 404);
      assert.equal(fa.doc.querySelector('html')!.getAttribute('dir'), 'rtl');
      assert.equal(fa.doc.querySelector('h1')!.text, 'صفحه پیدا نشد');
      for (const path of ['/category/nope/', '/tag/nope/', '/author/nope/', '/category/', '/2024/13/', '/0000/', '/2024/02/30/', '/xx/', '/xx/yy/zz/ww/vv/']) {
        assert.equal((await getPage(site.app, path)).status, 404, path);
      }
    });

    it('answers malformed percent-encoding with 400, never 500', async () => {
      for (const path of ['/%E0%A4%A/', '/fa/%ZZ/', '/%/', '/category/%C0%AF/', '/tag/%FF%FE/', '/%D8/']) {
        const res = await getPage(site.app, path);
        assert.ok(res.status === 400 || res.status === 404, `${path}: ${res.status}`);
        assert.ok(res.doc.querySelector('h1'), `${path} renders a page`);
      }
      const fa = await getPage(site.app, '/fa/%ZZ/');
      assert.equal(fa.status, 400);
      assert.equal(fa.doc.querySelector('html')!.getAttribute('lang'), 'fa');
    });

    it('answers over-long paths and queries with a 4xx page', async () => {
      for (const path of [`/${'a'.repeat(5000)}/`, `/fa/${encodeURIComponent('ک'.repeat(2000))}/`]) {
        const long = await getPage(site.app, path);
        assert.ok([400, 404, 414].includes(long.status), String(long.status));
        assert.ok(long.doc.querySelector('h1'), 'a page, not a bare error');
      }
      assert.equal((await getPage(site.app, `/search?q=${'x'.repeat(5000)}`)).status, 400);
      assert.equal((await getPage(site.app, '/search?q=a&q=b')).status, 400);
    });

    it('serves media and theme files only from their own folders', async () => {
      const image = await site.app.inject({ url: '/media/generated/art-00-480.webp' });
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/webp');
      for (const path of ['/media/../nashr.sqlite', '/media/..%2fnashr.sqlite', '/media/%2e%2e/%2e%2e/package.json', '/assets/../../package.json', '/assets/..%2f..%2fpackage.json', '/media/.env']) {
        const res = await site.app.inject({ url: path });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${path}: ${res.statusCode}`);
        assert.ok(!res.body.includes('SQLite format') && !res.body.includes('"name": "nashr"'), path);
      }
    });

    it('never redirects to another host', async () => {
      for (const path of ['//evil.example', '//evil.example/x', '/\\evil.example', '/%5Cevil.example', '/%2F%2Fevil.example']) {
        const res = await site.app.inject({ url: path });
        const location = String(res.headers.location ?? '');
        assert.ok(!/^(\/\/|\/\\|https?:)/.test(location), `${path} → ${res.statusCode} ${location}`);
        assert.ok(res.statusCode < 500, path);
      }
      const slashless = await site.app.inject({ url: '/articles' });
      assert.equal(slashless.statusCode, 301);
      assert.equal(slashless.headers.location, '/articles/');
    });

    it('treats SQL in paths and queries as plain text', async () => {
      for (const path of ["/' OR 1=1 --/", "/category/x' UNION SELECT * FROM users --/", '/tag/1;DROP TABLE items/', "/author/'/"]) {
        const res = await getPage(site.app, encodeURI(path));
        assert.equal(res.status, 404, path);
      }
      const search = await getPage(site.app, `/search?q=${encodeURIComponent("' OR 1=1 --")}`);
      assert.equal(search.status, 200);
      assert.equal(search.doc.querySelectorAll('.card').length, 0);
      const pct = await getPage(site.app, `/search?q=${encodeURIComponent('%')}`);
      assert.equal(pct.doc.querySelectorAll('.card').length, 0, 'LIKE wildcards are literal');
      assert.equal((await getPage(site.app, '/')).doc.querySelectorAll('.card').length, 10, 'nothing was changed');
    });

    it('never reflects HTML from a path or query unescaped', async () => {
      const inputs = [...payloads, ...naughty.filter((s) => /[<>"]/.test(s))];
      for (const [i, input] of inputs.entries()) {
        // Searches are rate-limited per address: hundreds from one address would mostly meet the 429 page.
        const res = await site.app.inject({ url: `/search?q=${encodeURIComponent(input)}`, remoteAddress: `10.0.${i >> 8}.${i & 255}` });
        const search = { status: res.statusCode, body: res.body, doc: parse(res.body) };
        assert.ok(search.status < 500, `search ${input}: ${search.status}`);
        assert.ok(!reflectsRaw(search.body, input.trim()), `search reflects ${input}`);
        if (search.status === 200) {
          // Escaped correctly, the attribute reads back as exactly what was typed.
          assert.equal(search.doc.querySelector('#search-q')!.getAttribute('value'), input.trim());
        }
        const path = await site.app.inject({ url: `/fa/${encodeURIComponent(input)}/` });
        assert.ok(path.statusCode === 404 || path.statusCode === 400 || path.statusCode === 301, `path ${input}: ${path.statusCode}`);
        assert.ok(!reflectsRaw(path.body, input), `path reflects ${input}`);
      }
    });

    it('answers every naughty string as a slug without a server error', async () => {
      for (const input of naughty) {
        const res = await site.app.inject({ url: `/${encodeURIComponent(input)}/` });
        assert.ok(res.statusCode < 500, `${JSON.stringify(input)}: ${res.statusCode}`);
      }
    });
  });
}

describe('the error page', () => {
  it('tells the reader something went wrong and leaks nothing', async () => {
    const site = await openTestSite('sqlite');
    await site.storage.close(); // the database goes away under the running app
    const res = await site.app.inject({ url: '/' });
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /Something went wrong/);
    assert.doesNotMatch(res.body, /sqlite|stack|at \w+ \(|node_modules|Error:/i);
    await site.app.close();
  });
});
