import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageCache } from '../../../src/http/page-cache/index.js';

const page = (size: number, tags: string[]) => ({ body: Buffer.alloc(size, 'x'), encoded: {}, headers: { 'content-type': 'text/html' }, hash: 'h', lastModified: new Date(), tags });

describe('the page cache', () => {
  it('stays within its bound with 10,000 distinct pages, keeping the most recently used', () => {
    const cache = new PageCache(4 << 20);
    for (let i = 0; i < 10_000; i++) {
      cache.set(`/article-${i}/`, page(20_000 + (i % 7) * 1000, [`item:${i}`, 'ed:en', 'lists:en']));
      if (i % 100 === 0) cache.get('/article-0/');
      assert.ok(cache.bytes <= cache.maxBytes, `after ${i + 1} pages: ${cache.bytes} > ${cache.maxBytes}`);
    }
    assert.ok(cache.size > 100 && cache.size < 10_000);
    assert.ok(cache.get('/article-9999/'), 'the newest is kept');
    assert.ok(cache.get('/article-0/'), 'one read often is kept');
    assert.equal(cache.get('/article-1/'), undefined, 'an old one went first');
  });

  it('removes exactly the pages filed under a tag, and counts compressed copies against the bound', () => {
    const cache = new PageCache(1 << 20);
    cache.set('/a/', page(1000, ['item:1', 'ed:en']));
    cache.set('/b/', page(1000, ['item:2', 'ed:en']));
    cache.set('/fa/c/', page(1000, ['item:3', 'ed:fa']));
    assert.equal(cache.invalidate(['item:1']), 1);
    assert.equal(cache.get('/a/'), undefined);
    assert.ok(cache.get('/b/') && cache.get('/fa/c/'));
    assert.equal(cache.invalidate(['ed:en', 'item:404']), 1);
    assert.deepEqual([cache.get('/b/'), !!cache.get('/fa/c/')], [undefined, true]);
    const c = cache.get('/fa/c/')!;
    const before = cache.bytes;
    cache.addEncoding('/fa/c/', c, 'br', Buffer.alloc(300));
    assert.equal(cache.bytes, before + 300);
    cache.clear();
    assert.equal(cache.bytes, 0);
  });

  it('does not keep a page too big for its share of the bound', () => {
    const cache = new PageCache(100_000);
    assert.equal(cache.set('/huge/', page(60_000, ['ed:en'])), undefined);
    assert.equal(cache.size, 0);
  });

  it('renders a page again after an hour, so the forms on it never carry an expired token', () => {
    let now = Date.parse('2026-11-27T10:00:00Z');
    const cache = new PageCache(1 << 20, 3_600_000, () => now);
    cache.set('/a/', { ...page(1000, ['ed:en']), lastModified: new Date(now) });
    now += 3_599_000;
    assert.ok(cache.get('/a/'));
    now += 2000;
    assert.equal(cache.get('/a/'), undefined);
    assert.equal(cache.size, 0);
  });
});
