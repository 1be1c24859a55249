/**
 * Search folding for every script nashr publishes in, applied to the text that is indexed AND to
 * what the reader types, so both sides meet whatever keyboard was used.
 *
 * - Arabic-script letters take one form each: Arabic yeh ي and alef maksura ى become Persian yeh ی;
 *   Arabic kaf ك becomes Persian kaf ک; alef with hamza or madda (أ إ آ) and alef wasla ٱ become
 *   bare alef ا; teh marbuta ة and heh goal/ae forms become heh ه; hamza on waw ؤ becomes و and
 *   hamza on yeh ئ becomes ی (NFKD splits the hamza off as a mark, which is then dropped).
 * - Tashkeel (U+064B–U+065F, U+0670), tatweel (U+0640) and every other combining mark go, which
 *   also folds Latin diacritics: Albanian ë → e, ç → c; "Shqipëri" meets "shqiperi".
 * - Persian (۰–۹) and Arabic-Indic (٠–٩) digits become 0–9.
 * - ZWNJ: the half-space is removed, so "می‌روم" is "میروم". A reader without a half-space key
 *   types "می روم", so a space after the verb prefixes می / نمی and before the plural suffixes
 *   ها / های / هایی is closed up too, on both sides. One joined form is indexed rather than every
 *   variant: the index stays one token per word and the three spellings meet exactly. The price:
 *   a standalone word "می" (rare) is joined to the word after it, and still found by its prefix.
 */
const LETTERS: Record<string, string> = {
  '\u064A': '\u06CC', // ي → ی
  '\u0649': '\u06CC', // ى → ی
  '\u0643': '\u06A9', // ك → ک
  '\u0671': '\u0627', // ٱ → ا
  '\u0629': '\u0647', // ة → ه
  '\u06C1': '\u0647', // ہ → ه
  '\u06D5': '\u0647', // ە → ه (also what ۀ leaves after NFKD)
};

/** Characters that are part of a word for search: letters and digits (marks are folded away first). */
export const WORD = /[\p{L}\p{N}]+/gu;

/** Folds one string of any length; the result is lower-case, unaccented, with Arabic-script forms unified. */
export function normalizeText(text: string): string {
  let s = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u0640\u200C\u200D\u200E\u200F\u00AD]/g, '')
    .toLowerCase()
    .replace(/[\u064A\u0649\u0643\u0671\u0629\u06C1\u06D5]/g, (c) => LETTERS[c]!)
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  // NFKD already made ligatures and presentation forms plain letters; recompose what is left.
  s = s.normalize('NFC');
  return s
    .replace(/(^|[^\p{L}\p{N}])(ن?می)\s+(?=[\p{L}])/gu, '$1$2')
    .replace(/(\p{L})\s+(ها|های|هایی)(?=$|[^\p{L}\p{N}])/gu, '$1$2');
}

/** The words of a text after folding, in order. */
export function searchTokens(text: string): string[] {
  return normalizeText(text).match(WORD) ?? [];
}

/**
 * The word without the Arabic definite article, for words long enough to carry one ("الاسلام" →
 * "اسلام"), else null. The index holds both forms and a query asks for the bare one, so "إسلام"
 * finds "الإسلام" and the other way round. Persian words that merely begin with ال (البته) get a
 * harmless extra entry.
 */
export function withoutArticle(word: string): string | null {
  return word.startsWith('ال') && [...word].length >= 5 ? word.slice(2) : null;
}
