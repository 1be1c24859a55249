import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locationOf, normalizeFrom, parseTarget, RedirectError } from '../../../src/modules/redirects/index.js';

const SALAM = '/2019/05/%D8%B3%D9%84%D8%A7%D9%85-%D8%AF%D9%86%DB%8C%D8%A7/';

describe('old addresses are matched in one normal form', () => {
  it('keeps the WordPress query forms as they are', () => {
    for (const from of ['/?p=123', '/?page_id=5', '/?attachment_id=9', '/?cat=3', '/?tag=x', '/?feed=rss2']) assert.equal(normalizeFrom(from), from);
  });

  it('treats a trailing slash, or none, as the same address', () => {
    for (const from of ['/2019/05/some-slug/', '/some-slug/', '/category/news/', '/tag/x/', '/feed/', '/category/news/feed/']) {
      assert.equal(normalizeFrom(from), from.slice(0, -1));
      assert.equal(normalizeFrom(from.slice(0, -1)), normalizeFrom(from));
    }
    assert.equal(normalizeFrom('/'), '/');
    assert.equal(normalizeFrom('/news//some-slug//'), '/news/some-slug', 'doubled slashes inside are one');
  });

  it('decodes Persian and Arabic slugs, whatever the case of the escapes', () => {
    assert.equal(normalizeFrom(SALAM), '/2019/05/سلام-دنیا');
    assert.equal(normalizeFrom(SALAM.toLowerCase()), '/2019/05/سلام-دنیا');
    assert.equal(normalizeFrom('/2019/05/سلام-دنیا/'), '/2019/05/سلام-دنیا');
    assert.equal(normalizeFrom('/?tag=%D8%B5%D9%84%D8%AD'), '/?tag=صلح');
  });

  it('sorts query parameters and drops tracking ones and the fragment', () => {
    assert.equal(normalizeFrom('/?p=1&cat=2'), normalizeFrom('/?cat=2&p=1'));
    assert.equal(normalizeFrom('/?p=1&utm_source=x&fbclid=y#comments'), '/?p=1');
    assert.equal(normalizeFrom('/index.php?p=7'), '/?p=7');
    assert.equal(normalizeFrom('/index.php/some-slug/'), '/some-slug');
    assert.equal(normalizeFrom('/Some-Slug/'), '/some-slug', 'WordPress matches slugs without regard to case');
  });

  it('keeps escapes that would change the meaning, and bytes that are not UTF-8', () => {
    assert.equal(normalizeFrom('/a%2Fb/'), '/a%2Fb');
    assert.equal(normalizeFrom('/a%3fb'), '/a%3Fb');
    assert.equal(normalizeFrom('/%e9t%e9/'), '/%E9t%E9');
    assert.equal(normalizeFrom('/?s=a%26b'), '/?s=a%26b');
  });

  it('refuses what is not a path of this site', () => {
    for (const bad of ['', 'some-slug', 'https://old.example.org/x/', '//evil.example/', '/\\evil', '/a b', '/a\nb', `/${'a'.repeat(2001)}`]) {
      assert.throws(() => normalizeFrom(bad), (e: unknown) => e instanceof RedirectError && e.code === 'redirects.invalid_from', bad);
    }
  });
});

describe('where a redirect may lead', () => {
  it('accepts site paths, and full addresses only when allowed (typed by an editor)', () => {
    assert.deepEqual(parseTarget('/fa/سلام/', false), { kind: 'path', value: '/fa/سلام/' });
    assert.deepEqual(parseTarget('https://example.org/x', true), { kind: 'url', value: 'https://example.org/x' });
    assert.throws(() => parseTarget('https://example.org/x', false), (e: unknown) => e instanceof RedirectError && e.code === 'redirects.invalid_target');
  });

  it('never leads to another site by a trick', () => {
    for (const bad of ['//evil.example/', '/\\evil.example', 'javascript:alert(1)', 'evil.example', 'ftp://x/', 'https://user:pw@example.org/', '']) {
      assert.throws(() => parseTarget(bad, true), (e: unknown) => e instanceof RedirectError && e.code === 'redirects.invalid_target', bad);
    }
    assert.equal(locationOf('/.//evil.example/'), '/evil.example/');
  });

  it('percent-encodes a Unicode path for the Location header', () => {
    assert.equal(locationOf('/fa/سلام/'), '/fa/%D8%B3%D9%84%D8%A7%D9%85/');
    assert.equal(locationOf('/fa/%D8%B3/'), '/fa/%D8%B3/', 'already encoded stays so');
    assert.equal(locationOf('https://example.org/a'), 'https://example.org/a');
  });
});
