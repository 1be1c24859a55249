import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeText, searchTokens } from '../../../src/modules/search/index.js';
import { foldForSearch } from '../../../src/lib/search-text.js';

const same = (a: string, b: string) => assert.deepEqual(searchTokens(a), searchTokens(b), `${a} ≠ ${b}`);

describe('search text folding', () => {
  it('makes Arabic-keyboard yeh and kaf the Persian letters', () => {
    same('كتاب', 'کتاب');
    same('كتابي', 'کتابی');
    same('على', 'علی');
    assert.equal(normalizeText('كتاب'), 'کتاب');
  });

  it('folds alef forms, teh marbuta, hamza seats, tashkeel and tatweel', () => {
    same('إسلام', 'اسلام');
    same('أحمد', 'احمد');
    same('آب', 'اب');
    same('ٱلله', 'الله');
    same('مدرسة', 'مدرسه');
    same('مؤمن', 'مومن');
    same('مُحَمَّدٌ', 'محمد');
    same('كـــتاب', 'کتاب');
    same('الْعَرَبِيَّة', 'العربيه');
  });

  it('lets "می‌روم", "میروم" and "می روم" meet, and plural suffixes with or without a half-space', () => {
    same('می‌روم', 'میروم');
    same('می روم', 'میروم');
    same('مي‌روم', 'میروم');
    same('نمی روم', 'نمی‌روم');
    same('کتاب‌ها', 'کتاب ها');
    same('کتاب‌های خوب', 'کتابهای خوب');
    assert.deepEqual(searchTokens('من به مدرسه می روم'), ['من', 'به', 'مدرسه', 'میروم']);
  });

  it('reads Persian and Arabic-Indic digits as Latin ones', () => {
    same('۱۴۰۳', '1403');
    same('١٤٠٣', '1403');
    same('سال ۱۴۰۳', 'سال 1403');
  });

  it('folds Albanian and other Latin diacritics and letter case', () => {
    same('Shqipëri', 'shqiperi');
    same('Çështja', 'ceshtja');
    same('CAFÉ', 'cafe');
  });

  it('splits on punctuation and FTS syntax, keeping only words', () => {
    assert.deepEqual(searchTokens('"title:water" NEAR(a b) -x OR y*'), ['title', 'water', 'near', 'a', 'b', 'x', 'or', 'y']);
    assert.deepEqual(searchTokens('"*-()'), []);
  });

  it('leaves the media library’s simpler folding as it was', () => {
    assert.equal(foldForSearch('كتاب'), 'کتاب');
  });
});
