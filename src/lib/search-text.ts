/**
 * Folds text for substring search so both databases match alike: SQLite's lower() knows only
 * ASCII, so folding happens here, once, on the way in (stored) and on the query. Arabic-script
 * text also loses short vowels and tatweel, and Arabic yeh/kaf meet their Persian forms, so a
 * Persian keyboard finds text typed on an Arabic one.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u064A\u0649]/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9');
}

/** A LIKE pattern that finds `text` anywhere, with `!` as the escape character (`escape '!'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
