import { z } from 'zod';

/** An edition: one language version of the site. Editions are data, validated at start-up. */
export const editionSchema = z.object({
  /** BCP 47 language code, also the edition's id */
  code: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  /** the language's name in English, for logs and admin */
  name: z.string().min(1),
  /** the language's own name, for the switcher */
  nativeName: z.string().min(1),
  dir: z.enum(['ltr', 'rtl']),
  /** Intl locale used for dates, numbers and plural rules */
  locale: z.string().min(2),
  calendar: z.string().default('gregory'),
  numberingSystem: z.string().default('latn'),
  /** URL prefix: '' for the root edition, else '/xx' */
  prefix: z.string().regex(/^(|\/[a-z0-9-]+)$/),
  /** the site's title in this edition */
  title: z.string().min(1),
  /** UI string catalog to use (a folder under src/i18n/locales) */
  uiLocale: z.string().min(2),
});

export type Edition = Readonly<z.infer<typeof editionSchema>>;

/** The four editions of the reference site. */
export const defaultEditions: Edition[] = [
  { code: 'en', name: 'English', nativeName: 'English', dir: 'ltr', locale: 'en-GB', calendar: 'gregory', numberingSystem: 'latn', prefix: '', title: 'Nashr Review', uiLocale: 'en' },
  { code: 'ar', name: 'Arabic', nativeName: 'عربي', dir: 'rtl', locale: 'ar', calendar: 'gregory', numberingSystem: 'arab', prefix: '/ar', title: 'مراجعة نشر', uiLocale: 'ar' },
  { code: 'fa', name: 'Farsi', nativeName: 'فارسی', dir: 'rtl', locale: 'fa-IR', calendar: 'persian', numberingSystem: 'arabext', prefix: '/fa', title: 'نشر', uiLocale: 'fa' },
  { code: 'sq', name: 'Albanian', nativeName: 'Shqip', dir: 'ltr', locale: 'sq-AL', calendar: 'gregory', numberingSystem: 'latn', prefix: '/sq', title: 'Nashr Review', uiLocale: 'sq' },
];

/** Validates a list of editions: unique codes and prefixes, exactly one root edition. */
export function parseEditions(input: unknown): Edition[] {
  const list = z.array(editionSchema).min(1).parse(input);
  const codes = new Set(list.map((e) => e.code));
  const prefixes = new Set(list.map((e) => e.prefix));
  if (codes.size !== list.length) throw new Error('edition codes must be unique');
  if (prefixes.size !== list.length) throw new Error('edition prefixes must be unique');
  if (!prefixes.has('')) throw new Error("one edition must have the empty prefix ''");
  return list.map((e) => Object.freeze(e));
}
