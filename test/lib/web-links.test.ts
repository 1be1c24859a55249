import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitWebLinks } from '../../src/lib/web-links.js';

describe('web addresses in plain text', () => {
  it('finds http and https addresses and leaves the sentence around them', () => {
    assert.deepEqual(splitWebLinks('See https://example.org/a?b=1&c=2, and http://x.example.'), [
      { text: 'See ' }, { url: 'https://example.org/a?b=1&c=2' }, { text: ', and ' }, { url: 'http://x.example' }, { text: '.' },
    ]);
  });

  it('never links other schemes, bare domains or an address without a host', () => {
    for (const s of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'example.org', 'https://', 'ftp://example.org/file']) {
      assert.deepEqual(splitWebLinks(s), [{ text: s }], s);
    }
  });

  it('stops at markup characters and quotes, so nothing can leave the attribute', () => {
    assert.deepEqual(splitWebLinks('https://a.example/"onmouseover="x'), [{ url: 'https://a.example/' }, { text: '"onmouseover="x' }]);
    assert.deepEqual(splitWebLinks('<https://a.example/x>'), [{ text: '<' }, { url: 'https://a.example/x' }, { text: '>' }]);
  });

  it('keeps Persian paths and drops Persian and Arabic punctuation after an address', () => {
    assert.deepEqual(splitWebLinks('ببینید https://fa.example/گزارش، سپس'), [{ text: 'ببینید ' }, { url: 'https://fa.example/گزارش' }, { text: '، سپس' }]);
    assert.deepEqual(splitWebLinks('(https://en.wikipedia.org/wiki/Tea_(drink))'), [{ text: '(' }, { url: 'https://en.wikipedia.org/wiki/Tea_(drink)' }, { text: ')' }]);
  });
});
