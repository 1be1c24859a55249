import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentHash, isEmail, looksBinary, normalizeBody } from '../../../src/modules/comments/comment-text.js';

describe('comment text', () => {
  it('is stored normalized: NFC, Unix line ends, no trailing spaces, at most one blank line', () => {
    assert.equal(normalizeBody('  Hello \r\n\r\n\r\n\r\nworld\t\r\n'), 'Hello\n\nworld');
    assert.equal(normalizeBody('e\u0301'), '\u00e9');
  });

  it('tells binary from text in any script', () => {
    assert.equal(looksBinary('سلام، این یک دیدگاه است.\nLine two\twith a tab.'), false);
    assert.equal(looksBinary('می‌روم'), false, 'the ZWNJ is text');
    assert.equal(looksBinary('PK\u0003\u0004'), true);
    assert.equal(looksBinary('a\u0000b'), true);
    assert.equal(looksBinary('bad \ufffd byte'), true);
    assert.equal(looksBinary('lone \ud800 surrogate'), true);
    assert.equal(looksBinary('emoji 😀 is text'), false);
  });

  it('accepts addresses mail can be sent to', () => {
    assert.equal(isEmail('reader@example.org'), true);
    for (const bad of ['', 'reader', 'a@b', 'a b@example.org', '<a@example.org>', `${'a'.repeat(250)}@example.org`]) assert.equal(isEmail(bad), false, bad);
  });

  it('hashes the same comment the same whatever its spacing or the case of the address', () => {
    assert.equal(contentHash(1, 'A@Example.org', 'Same  words.\nHere'), contentHash(1, 'a@example.org', 'same words. here'));
    assert.notEqual(contentHash(1, 'a@example.org', 'x'), contentHash(2, 'a@example.org', 'x'));
    assert.notEqual(contentHash(1, 'a@example.org', 'x'), contentHash(1, 'b@example.org', 'x'));
  });
});
