import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { absolutizeHtml } from '../../../src/modules/feeds/absolute-urls.js';
import { sanitizeBody } from '../../../src/modules/content/index.js';

const BASE = 'https://news.example/fa/%D9%86%D8%B4%D8%B1/';

describe('absolute addresses in feed bodies', () => {
  it('makes site-relative, relative and fragment addresses absolute against the item page', () => {
    const html = sanitizeBody('<p><a href="/fa/x/">x</a> <a href="../y/">y</a> <a href="#ref-1">1</a> <img src="/media/a.jpg" srcset="/media/a-480.webp 480w, /media/a-800.webp 800w" alt="a"></p>');
    const out = absolutizeHtml(html, BASE);
    assert.match(out, /href="https:\/\/news\.example\/fa\/x\/"/);
    assert.match(out, /href="https:\/\/news\.example\/fa\/y\/"/);
    assert.match(out, new RegExp(`href="${BASE.replace(/[.]/g, '\\.')}#ref-1"`));
    assert.match(out, /src="https:\/\/news\.example\/media\/a\.jpg"/);
    assert.match(out, /srcset="https:\/\/news\.example\/media\/a-480\.webp 480w, https:\/\/news\.example\/media\/a-800\.webp 800w"/);
  });

  it('leaves absolute and mailto addresses, text that looks like an attribute, and escaping as they were', () => {
    const html = sanitizeBody('<p>write href="/not-a-link" here <a href="https://example.org/?a=1&amp;b=2">e</a> <a href="mailto:x@example.org">m</a></p>');
    const out = absolutizeHtml(html, BASE);
    assert.match(out, /write href="\/not-a-link" here/);
    assert.match(out, /href="https:\/\/example\.org\/\?a=1&amp;b=2"/);
    assert.match(out, /href="mailto:x@example\.org"/);
  });
});
