/**
 * A URL slug from any text: letters and digits of every script kept (Persian and Arabic slugs are
 * normal), ZWNJ and everything else between words turned into single hyphens, Latin lower-cased.
 */
export function slugify(text: string, maxLength = 120): string {
  const slug = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '') // tashkeel and tatweel: decoration, not letters
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '');
}

/** The shape every stored slug has: letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[\p{L}\p{N}\p{M}]+(?:-[\p{L}\p{N}\p{M}]+)*$/u;
