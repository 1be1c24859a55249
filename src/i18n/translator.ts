import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCALES_DIR = fileURLToPath(new URL('./locales/', import.meta.url));
const SOURCE_LOCALE = 'en';

type Catalog = Record<string, string>;

/** Translates UI strings of one locale: whole sentences with named {variables}. */
export interface Translator {
  (key: string, vars?: Record<string, string | number>): string;
  /** picks key_zero / key_one / key_two / key_few / key_many / key_other by Intl.PluralRules */
  plural(key: string, count: number, vars?: Record<string, string | number>): string;
  readonly locale: string;
}

/** Reads every namespace file of a locale folder into one catalog. */
function loadCatalog(locale: string): Catalog {
  const dir = join(LOCALES_DIR, locale);
  if (!existsSync(dir)) return {};
  const catalog: Catalog = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    Object.assign(catalog, JSON.parse(readFileSync(join(dir, file), 'utf8')));
  }
  return catalog;
}

function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/**
 * Builds a translator; numbers in plural strings are formatted by `formatNumber`
 * so they come out in the edition's numerals.
 */
export function createTranslator(uiLocale: string, intlLocale: string, formatNumber: (n: number) => string): Translator {
  const source = loadCatalog(SOURCE_LOCALE);
  const own = uiLocale === SOURCE_LOCALE ? source : loadCatalog(uiLocale);
  const rules = new Intl.PluralRules(intlLocale);
  const lookup = (key: string): string | undefined => own[key] ?? source[key];
  const t = ((key: string, vars?: Record<string, string | number>) => interpolate(lookup(key) ?? key, vars)) as Translator;
  t.plural = (key, count, vars) => {
    const text = (count === 0 ? lookup(`${key}_zero`) : undefined) ?? lookup(`${key}_${rules.select(count)}`) ?? lookup(`${key}_other`) ?? key;
    return interpolate(text, { ...vars, count: formatNumber(count) });
  };
  Object.defineProperty(t, 'locale', { value: uiLocale });
  return t;
}
