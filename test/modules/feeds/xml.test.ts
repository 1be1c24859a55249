import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { el, escapeXml, renderXml, xmlSafeText } from '../../../src/modules/feeds/xml.js';

describe('the XML writer', () => {
  it('escapes text and attribute values so no value can open an element or end an attribute', () => {
    const hostile = `a & b < c > d " e ' ]]> <x/>`;
    const doc = renderXml(el('root', { title: hostile }, el('t', undefined, hostile)));
    assert.equal(XMLValidator.validate(doc), true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, parseTagValue: false, parseAttributeValue: false }).parse(doc);
    assert.equal(parsed.root['@title'], hostile);
    assert.equal(parsed.root.t, hostile);
  });

  it('drops characters XML 1.0 cannot carry and keeps every other letter, Persian and emoji included', () => {
    assert.equal(xmlSafeText('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFF'), 'abcdef');
    assert.equal(xmlSafeText('tab\tlf\ncr\r'), 'tab\tlf\ncr\r');
    assert.equal(xmlSafeText('lone \uD800 high, lone \uDC00 low'), 'lone  high, lone  low');
    assert.equal(xmlSafeText('نشر‌ها 😀'), 'نشر‌ها 😀');
    assert.equal(escapeXml('\u0007<'), '&lt;');
  });

  it('leaves out undefined attributes and empty children, and refuses names that are not XML names', () => {
    assert.equal(renderXml(el('a', { x: undefined, y: 1 }, null, false, undefined)), '<?xml version="1.0" encoding="utf-8"?>\n<a y="1"/>\n');
    assert.throws(() => renderXml(el('a b')));
    assert.throws(() => renderXml(el('a', { 'x"': '1' })));
  });
});
