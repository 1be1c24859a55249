import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { sanitizeBody } from '../../../src/modules/content/index.js';
import { readFixture } from '../../support/fixtures.js';

const payloads = [...readFixture('xss/xss_payloads_quick.txt').split('\n'), ...readFixture('xss/XSS_Polyglots.txt').split('\n')].filter((l) => l.trim());

describe('body HTML sanitizing', () => {
  it('keeps the markup an article body uses', () => {
    const body = '<p dir="auto">Text<sup id="cite-1"><a href="#ref-1">[1]</a></sup></p><blockquote><p>Q</p><cite>Who</cite></blockquote><section class="references"><h2>References</h2><ol><li id="ref-1"><a href="https://example.org/x">R</a></li></ol></section>';
    const clean = sanitizeBody(body);
    const doc = parse(clean);
    assert.ok(doc.querySelector('blockquote cite'));
    assert.equal(doc.querySelector('sup a')!.getAttribute('href'), '#ref-1');
    assert.equal(doc.querySelector('li a')!.getAttribute('rel'), 'noopener noreferrer');
  });

  it('removes script, event handlers and javascript: URLs from every XSS payload', () => {
    for (const payload of payloads) {
      const doc = parse(sanitizeBody(`<p>${payload}</p>`));
      assert.equal(doc.querySelectorAll('script, iframe, svg, object, embed, style').length, 0, payload);
      for (const el of doc.querySelectorAll('*')) {
        for (const [name, value] of Object.entries(el.attributes)) {
          assert.ok(!/^on/i.test(name), `${payload}: ${name}`);
          assert.ok(!/^\s*(javascript|data|vbscript):/i.test(value), `${payload}: ${name}=${value}`);
        }
      }
    }
  });
});
