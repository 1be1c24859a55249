import { PREFIX_MIN } from './search-index.js';
import { searchTokens, withoutArticle } from './text-normalize.js';

/** A word as written, with what joins it to the next one; marks, tatweel and ZWNJ stay inside the word. */
const ORIGINAL_WORD = /[\p{L}\p{N}\p{M}\u0640\u200C\u200D]+/gu;
const JOINED_PREFIXES = new Set(['می', 'نمی']);
const JOINED_SUFFIXES = new Set(['ها', 'های', 'هایی']);

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

interface Word {
  start: number;
  end: number;
  key: string;
}

const ASCII = /^[\x00-\x7f]*$/;
const KEYS_MAX = 20_000;
const keys = new Map<string, string>();

/**
 * A written word's folded form (what the index holds for it). Remembered: a page of results
 * folds the same few hundred words over and over, and folding one costs several Unicode passes.
 * A word of plain ASCII letters and digits folds to its lower case.
 */
function keyOf(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  let key = keys.get(word);
  if (key === undefined) {
    if (keys.size >= KEYS_MAX) keys.clear();
    key = searchTokens(word).join('');
    keys.set(word, key);
  }
  return key;
}

function matches(word: string, terms: readonly string[]): boolean {
  const bare = withoutArticle(word);
  for (const t of terms) {
    if (word === t || bare === t) return true;
    if ((word.startsWith(t) || (bare !== null && bare.startsWith(t))) && [...t].length >= PREFIX_MIN) return true;
  }
  return false;
}

/** Indices of the words that match, as [from, to] word ranges (a joined "می روم" is one range of two words). */
function matchedRanges(text: string, words: Word[], terms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const joinable = next && /^\s+$/.test(text.slice(w.end, next.start)) && (JOINED_PREFIXES.has(w.key) || JOINED_SUFFIXES.has(next.key));
    if (joinable && matches(w.key + next.key, terms)) {
      ranges.push([i, i + 1]);
      i++;
    } else if (matches(w.key, terms)) ranges.push([i, i]);
  }
  return ranges;
}

/**
 * A short passage of plain `text` around the first word that matches one of the folded `terms`,
 * as HTML: the text is escaped first and only then are matches wrapped in <mark>, so nothing the
 * text holds is ever output as markup. Null when no word of the text matches. Words are read
 * only as far as the passage reaches: a long body is not folded word by word to its end.
 */
export function snippetHtml(text: string, terms: readonly string[], maxWords = 30): string | null {
  const words: Word[] = [];
  let first = -1;
  let limit = Infinity;
  for (const m of text.matchAll(ORIGINAL_WORD)) {
    words.push({ start: m.index, end: m.index + m[0].length, key: keyOf(m[0]) });
    if (words.length >= limit) break;
    if (first < 0 && words.length >= 2) {
      // A match is known once the word after it is read (it may join the word before it).
      const found = matchedRanges(text, words.slice(-2), terms)[0];
      if (found) {
        first = words.length - 2 + found[0];
        limit = first + maxWords + 1;
      }
    }
  }
  if (first < 0) first = matchedRanges(text, words.slice(-1), terms).length ? words.length - 1 : -1;
  if (first < 0) return null;
  const from = Math.max(0, first - Math.floor(maxWords / 3));
  const to = Math.min(words.length - 1, from + maxWords - 1);
  const shown = words.slice(from, to + 1);
  const start = from === 0 ? 0 : shown[0]!.start;
  const end = shown[shown.length - 1]!.end;
  const cut = words.length > to + 1 || /[\p{L}\p{N}]/u.test(text.slice(end));
  let html = from > 0 ? '… ' : '';
  let at = start;
  for (const [a, b] of matchedRanges(text, shown, terms)) {
    html += escapeHtml(text.slice(at, shown[a]!.start)) + '<mark>' + escapeHtml(text.slice(shown[a]!.start, shown[b]!.end)) + '</mark>';
    at = shown[b]!.end;
  }
  html += escapeHtml(text.slice(at, cut ? end : text.length)) + (cut ? ' …' : '');
  return html;
}

/** The opening of a text as escaped HTML, cut at a word (for results that matched only in the title). */
export function openingHtml(text: string, maxWords = 30): string {
  const words = [...text.matchAll(ORIGINAL_WORD)];
  if (words.length <= maxWords) return escapeHtml(text);
  const last = words[maxWords - 1]!;
  return escapeHtml(text.slice(0, last.index + last[0].length)) + ' …';
}
