import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultEditions, EditionFormat, parseEditions } from '../../../src/modules/editions/index.js';

const edition = (code: string) => defaultEditions.find((e) => e.code === code)!;

describe('edition formats', () => {
  it('writes Farsi dates in the Persian solar calendar with Persian digits and month names', () => {
    const fa = new EditionFormat(edition('fa'));
    assert.equal(fa.numericDate('2024-11-27T12:00:00Z'), '۱۴۰۳/۰۹/۰۷');
    assert.match(fa.date('2024-11-27T12:00:00Z'), /^۷ آذر ۱۴۰۳$/);
    assert.equal(fa.number(2024), '۲۰۲۴');
    assert.equal(fa.yearOf('2026-06-01T00:00:00Z'), '۱۴۰۵');
  });

  it('writes Arabic numbers in Arabic-Indic digits and English in Latin ones', () => {
    assert.equal(new EditionFormat(edition('ar')).number(1403), '١٤٠٣');
    assert.equal(new EditionFormat(edition('en')).date('2024-11-27T12:00:00Z'), '27 November 2024');
    assert.match(new EditionFormat(edition('sq')).date('2024-11-27T12:00:00Z'), /27 nëntor 2024/);
  });

  it('names Gregorian months in archive titles, in the edition’s numerals', () => {
    assert.equal(new EditionFormat(edition('en')).archiveTitle(2024, 5), 'May 2024');
    assert.match(new EditionFormat(edition('fa')).archiveTitle(2024, 5), /۲۰۲۴/);
  });

  it('rejects edition lists with duplicate codes or prefixes, or no root edition', () => {
    assert.throws(() => parseEditions([defaultEditions[0], defaultEditions[0]]), /unique/);
    assert.throws(() => parseEditions(defaultEditions.filter((e) => e.prefix !== '')), /empty prefix/);
    assert.throws(() => parseEditions([{ ...defaultEditions[0], dir: 'sideways' }]));
    assert.equal(parseEditions(defaultEditions).length, 4);
  });
});
