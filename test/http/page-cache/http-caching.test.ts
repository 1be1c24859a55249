import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

for (const dialect of DIALECTS) {
  describe(`HTTP caching of public pages on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect, { config: { pageCacheBytes: 8 << 20, sharedCacheSeconds: 120, staleWhileRevalidateSeconds: 900 } });
    });
    after(() => site?.close());

    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ url, headers });

    it('answers with a strong ETag and Last-Modified, and 304 when the reader already has the page', async () => {
      const first = await get('/fa/');
      assert.equal(first.statusCode, 200);
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[A-Za-z0-9_-]+"$/, 'strong: no W/');
      assert.ok(first.headers['last-modified']);
      for (const headers of [{ 'if-none-match': etag }, { 'if-none-match': `"nope", ${etag}` }, { 'if-none-match': `W/${etag}` }, { 'if-none-match': '*' }, { 'if-modified-since': String(first.headers['last-modified']) }] as Record<string, string>[]) {
        const again = await get('/fa/', headers);
        assert.equal(again.statusCode, 304, JSON.stringify(headers));
        assert.equal(again.body, '');
        assert.equal(again.headers.etag, etag);
      }
    });

    it('serves the whole page for validators that do not match or make no sense', async () => {
      for (const value of ['"other"', 'garbage', '"unterminated', 'W/', '', '"a"b"c"', '\u00ff'.repeat(3)]) {
        const res = await get('/fa/', { 'if-none-match': value });
        assert.equal(res.statusCode, 200, JSON.stringify(value));
        assert.match(res.body, /<html lang="fa" dir="rtl">/);
      }
      assert.equal((await get('/fa/', { 'if-modified-since': 'last tuesday' })).statusCode, 200);
      assert.equal((await get('/fa/', { 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).statusCode, 200);
    });

    it('compresses with Brotli or gzip as the browser asks; each coding has its own ETag', async () => {
      const plain = await get('/ar/');
      const br = await get('/ar/', { 'accept-encoding': 'gzip, deflate, br' });
      const gz = await get('/ar/', { 'accept-encoding': 'gzip;q=1, br;q=0' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
      assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
      assert.ok(br.rawPayload.length < plain.rawPayload.length / 3);
      assert.equal(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size, 3);
      assert.match(String(br.headers.vary), /accept-encoding/i);
      // A browser holding the gzip copy is told it is still good, whatever coding it asks for now.
      assert.equal((await get('/ar/', { 'accept-encoding': 'br', 'if-none-match': String(gz.headers.etag) })).statusCode, 304);
    });

    it('lets shared caches keep public pages, but never the newsroom or an answer that sets a cookie', async () => {
      const page = await get('/');
      assert.equal(page.headers['cache-control'], 'public, max-age=0, s-maxage=120, stale-while-revalidate=900');
      assert.equal((await get('/no-such-page-here/')).statusCode, 404);
      const signIn = await get('/admin/sign-in');
      assert.equal(signIn.headers['cache-control'], 'private, no-store');
      assert.equal((await get('/admin/items')).headers['cache-control'], 'private, no-store');
      const post = await site.app.inject({ method: 'POST', url: '/comments', payload: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.match(String(post.headers['cache-control']), /no-store/);
    });

    it('answers 304 to a browser holding one coding that now asks for another not compressed yet', async () => {
      const plain = await get('/sq/');
      const res = await get('/sq/', { 'accept-encoding': 'gzip', 'if-none-match': String(plain.headers.etag) });
      assert.equal(res.statusCode, 304);
      assert.equal(res.headers.etag, `${String(plain.headers.etag).slice(0, -1)}-gz"`);
    });

    it('on a real server, answers kept pages with the same headers before the framework sees them', async () => {
      const address = await site.app.listen({ port: 0, host: '127.0.0.1' });
      const first = await fetch(`${address}/fa/`, { headers: { 'accept-encoding': 'identity' } });
      const second = await fetch(`${address}/fa/`, { headers: { 'accept-encoding': 'identity' } });
      assert.equal(second.headers.get('x-nashr-cache'), 'hit');
      for (const h of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'content-type', 'etag', 'cache-control', 'last-modified', 'vary']) {
        assert.equal(second.headers.get(h), first.headers.get(h), h);
      }
      assert.equal(await second.text(), await first.text());
      const notModified = await fetch(`${address}/fa/`, { headers: { 'accept-encoding': 'identity', 'if-none-match': second.headers.get('etag')! } });
      assert.equal(notModified.status, 304);
    });

    it('keeps pages with a query string out of the cache (they are answered afresh each time)', async () => {
      await get('/search?q=water');
      const again = await get('/search?q=water');
      assert.equal(again.headers['x-nashr-cache'], undefined);
      assert.ok(again.headers.etag, 'still a validator');
    });
  });
}
