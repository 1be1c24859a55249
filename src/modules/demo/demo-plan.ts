/**
 * What the demo's media and publications are, apart from their words: when each was published,
 * which generated picture it shows, which file backs it. The same plan serves every edition, so
 * items with the same key are translations of each other and share their files.
 */

/** The newest demo item's date; everything else steps back from it. */
export const NEWEST = Date.UTC(2026, 10, 20, 8, 0, 0);
const DAY = 86_400_000;

export function daysBefore(days: number, hour = 9): string {
  return new Date(NEWEST - days * DAY - hour * 3_600_000).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface PlannedPicture {
  key: string;
  date: string;
  /** which generated artwork */
  image: number;
  /** a category key of the demo, or none */
  category: string | null;
}

const CARTOON_CATEGORIES = ['politics', 'economy', 'environment', null, 'society', 'culture'];
const NEWSPIC_CATEGORIES = ['environment', 'society', 'culture', 'science', null, 'health'];

/** Twelve of each: two pages of a grid of ten, spread over four years. */
export const CARTOONS: PlannedPicture[] = Array.from({ length: 12 }, (_, i) => ({
  key: `c${pad(i + 1)}`,
  date: daysBefore(12 + i * 131, 7 + (i % 5)),
  image: (i * 5 + 3) % 12,
  category: CARTOON_CATEGORIES[i % CARTOON_CATEGORIES.length]!,
}));

export const NEWSPICS: PlannedPicture[] = Array.from({ length: 12 }, (_, i) => ({
  key: `n${pad(i + 1)}`,
  date: daysBefore(20 + i * 113, 10 + (i % 4)),
  image: (i * 7 + 1) % 12,
  category: NEWSPIC_CATEGORIES[i % NEWSPIC_CATEGORIES.length]!,
}));

export const GALLERIES = [
  { key: 'g1', date: daysBefore(45), firstImage: 2 },
  { key: 'g2', date: daysBefore(410), firstImage: 6 },
  { key: 'g3', date: daysBefore(980), firstImage: 9 },
];

/**
 * Four videos: the first two are short files made with ffmpeg when it is installed (else they
 * link out too); the others are links to video sites — nothing loads until a reader asks.
 */
export const VIDEOS = [
  { key: 'v1', date: daysBefore(25), poster: 4, upload: 1 as const, fallbackUrl: 'https://www.youtube.com/watch?v=21X5lGlDOfg' },
  { key: 'v2', date: daysBefore(330), poster: 8, upload: 2 as const, fallbackUrl: 'https://vimeo.com/76979871' },
  { key: 'v3', date: daysBefore(700), poster: 11, upload: null, fallbackUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ' },
  { key: 'v4', date: daysBefore(1150), poster: 1, upload: null, fallbackUrl: 'https://vimeo.com/1084537' },
];

/** Five books: three with a PDF (its English title is printed in it), two with a purchase link. */
export const BOOKS = [
  { key: 'b1', date: daysBefore(70), year: 2026, cover: 5, pdf: { file: 'demo-book-1.pdf', title: 'Water in the City: A Short Guide' }, purchaseUrl: '' },
  { key: 'b2', date: daysBefore(390), year: 2025, cover: 10, pdf: { file: 'demo-book-2.pdf', title: 'Voices of the Archive' }, purchaseUrl: '' },
  { key: 'b3', date: daysBefore(760), year: 2024, cover: 0, pdf: { file: 'demo-book-3.pdf', title: 'Understanding Local Elections' }, purchaseUrl: '' },
  { key: 'b4', date: daysBefore(1120), year: 2023, cover: 7, pdf: null, purchaseUrl: 'https://shop.example.org/books/bridges-of-trade' },
  { key: 'b5', date: daysBefore(1500), year: 2021, cover: 3, pdf: null, purchaseUrl: 'https://shop.example.org/books/the-quiet-classroom' },
];

export interface PlannedIssue {
  number: number;
  date: string;
}

export interface PlannedPeriodical {
  key: 'newsletter' | 'parsBrief';
  /** the menu of every edition links /newsletter/ and /pars-brief/ */
  slug: string;
  /** its English name, printed on the PDFs */
  englishName: string;
  issues: PlannedIssue[];
  /** the issue's contents link every `stride`-th earlier article, so the two periodicals differ */
  stride: number;
}

const at = (iso: string) => new Date(`${iso}T09:00:00.000Z`).toISOString();

export const PERIODICALS: PlannedPeriodical[] = [
  {
    key: 'newsletter',
    slug: 'newsletter',
    englishName: 'Newsletter',
    stride: 1,
    issues: [
      { number: 19, date: at('2024-04-15') },
      { number: 20, date: at('2024-10-15') },
      { number: 21, date: at('2025-03-15') },
      { number: 22, date: at('2025-07-15') },
      { number: 23, date: at('2025-12-15') },
      { number: 24, date: at('2026-06-15') },
    ],
  },
  {
    key: 'parsBrief',
    slug: 'pars-brief',
    englishName: 'Pars Brief',
    stride: 2,
    issues: [
      { number: 8, date: at('2024-09-01') },
      { number: 9, date: at('2025-02-01') },
      { number: 10, date: at('2025-08-01') },
      { number: 11, date: at('2026-01-15') },
      { number: 12, date: at('2026-08-01') },
    ],
  },
];

export function issueFile(periodical: PlannedPeriodical, issue: PlannedIssue): string {
  return `demo-${periodical.slug}-${issue.number}.pdf`;
}

/**
 * The article keys each issue's "Inside this issue" links, by issue number: three or four of the
 * newest articles published before the issue that no earlier issue of the periodical linked (the
 * Newsletter considers every article, Pars Brief every other one). `articles` are
 * [key, publishedAt], in any order.
 */
export function issueArticles(periodical: PlannedPeriodical, articles: readonly (readonly [string, string])[]): Map<number, string[]> {
  const newestFirst = [...articles].sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0)).filter((_, i) => i % periodical.stride === 0);
  const used = new Set<string>();
  const byIssue = new Map<number, string[]>();
  for (const issue of [...periodical.issues].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const count = 3 + (issue.number % 2);
    const picked = newestFirst.filter(([key, date]) => date < issue.date && !used.has(key)).slice(0, count).map(([key]) => key);
    for (const key of picked) used.add(key);
    byIssue.set(issue.number, picked);
  }
  return byIssue;
}

/** Every other issue also has an entry that is not an article ("Editor's note", …). */
export function issueExtra(issue: PlannedIssue, extras: readonly string[]): string | null {
  return issue.number % 2 === 0 && extras.length ? extras[(issue.number / 2) % extras.length]! : null;
}

/** The date of demo article `index` (0 is the newest): one every 47 days, about five years in all. */
export function demoDate(index: number): string {
  return new Date(NEWEST - index * 47 * DAY - ((index * 5) % 24) * 3_600_000).toISOString();
}
