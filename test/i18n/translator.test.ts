import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createTranslator } from '../../src/i18n/translator.js';

const dir = new URL('../../src/i18n/locales/', import.meta.url);
const catalog = (locale: string) => JSON.parse(readFileSync(new URL(`${locale}/site.json`, dir), 'utf8')) as Record<string, string>;

describe('UI strings', () => {
  it('exist in every locale for every English key, with the same variables', () => {
    const en = catalog('en');
    for (const locale of readdirSync(dir)) {
      const own = catalog(locale);
      for (const [key, text] of Object.entries(en)) {
        if (/_(one|zero)$/.test(key)) continue; // plural forms vary by language
        assert.ok(key in own, `${locale} lacks ${key}`);
        const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
        assert.equal(vars(own[key]!), vars(text), `${locale}.${key} variables`);
      }
    }
  });

  it('choose plural forms by the language’s rules and format the count in its digits', () => {
    const ar = createTranslator('ar', 'ar', (n) => new Intl.NumberFormat('ar', { numberingSystem: 'arab' }).format(n));
    assert.equal(ar.plural('comments', 0), 'لا تعليقات');
    assert.equal(ar.plural('comments', 2), 'تعليقان');
    assert.equal(ar.plural('comments', 5), '٥ تعليقات');
    const en = createTranslator('en', 'en', String);
    assert.equal(en.plural('comments', 1), '1 comment');
    assert.equal(en('pageNumber', { page: 2 }), 'Page 2');
  });
});
