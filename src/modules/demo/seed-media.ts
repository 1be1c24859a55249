import type { Insertable } from 'kysely';
import { escapeHtml } from '../../lib/jsx/jsx-runtime.js';
import { slugify } from '../../lib/slug.js';
import type { Db } from '../../storage/database.js';
import { createItem, isReservedSlug, type NewItem } from '../content/index.js';
import type { Edition } from '../editions/index.js';
import { mediaSearchText, type GeneratedImage } from '../media/index.js';
import type { MediaTable } from '../media/media.table.js';
import { DEMO_VIDEO, demoPdf, demoVideo, type DemoFile } from './demo-files.js';
import { BOOKS, CARTOONS, GALLERIES, NEWSPICS, PERIODICALS, VIDEOS, issueArticles, issueExtra, issueFile, type PlannedPicture } from './demo-plan.js';
import type { DemoPicture, EditionDemo } from './demo.types.js';

/** The files behind the demo's media and publications, made (or found on disk) before any row is written. */
export interface DemoAssets {
  images: GeneratedImage[];
  /** by book key */
  bookPdfs: Map<string, DemoFile>;
  /** by issueFile() name */
  issuePdfs: Map<string, DemoFile>;
  /** the clips ffmpeg could make, by number */
  videos: Map<number, DemoFile>;
}

const COVER_COLORS: [string, string][] = [['#0f4c5c', '#e36414'], ['#1d3557', '#a8dadc'], ['#264653', '#e9c46a'], ['#3d405b', '#f2cc8f'], ['#540b0e', '#e09f3e'], ['#344e41', '#a3b18a']];

/**
 * Makes the PDFs (their text is English: the standard PDF fonts draw only Latin script) and the
 * video clips. `en` is the English demo, whose titles and paragraphs the PDFs print; `articleDates`
 * are [article key, published at], newest first.
 */
export async function prepareDemoAssets(mediaDir: string, en: EditionDemo, articleDates: readonly (readonly [string, string])[], options: { ffmpeg?: string } = {}): Promise<Omit<DemoAssets, 'images'>> {
  // ffmpeg runs in its own process while the PDFs are drawn here.
  const clips = VIDEOS.filter((plan) => plan.upload).map(async (plan) => [plan.upload!, await demoVideo(mediaDir, plan.upload!, options.ffmpeg)] as const);
  const bookPdfs = new Map<string, DemoFile>();
  const topics: Record<string, string[]> = { b1: ['environment-water', 'environment'], b2: ['culture'], b3: ['politics'] };
  for (const [i, plan] of BOOKS.entries()) {
    if (!plan.pdf) continue;
    const book = en.publications.books[i]!;
    const related = en.articles.filter((a) => topics[plan.key]?.includes(a.category)).slice(0, 3);
    bookPdfs.set(
      plan.key,
      await demoPdf(mediaDir, plan.pdf.file, {
        title: plan.pdf.title,
        subtitle: `${book.author} - ${book.publisher}, ${plan.year}`,
        contents: related.map((a) => a.title),
        contentsLabel: 'Contents',
        paragraphs: [book.description, ...related.flatMap((a) => [a.title.toUpperCase(), ...a.paragraphs])],
        colors: COVER_COLORS[i % COVER_COLORS.length]!,
      }),
    );
  }
  const issuePdfs = new Map<string, DemoFile>();
  const byKey = new Map(en.articles.map((a) => [a.key, a]));
  for (const [p, periodical] of PERIODICALS.entries()) {
    const planned = issueArticles(periodical, articleDates);
    for (const [i, issue] of periodical.issues.entries()) {
      const linked = (planned.get(issue.number) ?? []).map((k) => byKey.get(k)!).filter(Boolean);
      const extra = issueExtra(issue, en.publications.extraContents);
      const name = issueFile(periodical, issue);
      const month = new Date(issue.date).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
      issuePdfs.set(
        name,
        await demoPdf(mediaDir, name, {
          title: `${periodical.englishName} No. ${issue.number}`,
          subtitle: month,
          contents: [...(extra ? [extra] : []), ...linked.map((a) => a.title)],
          contentsLabel: 'Inside this issue',
          paragraphs: linked.flatMap((a) => [a.title.toUpperCase(), a.excerpt, ...a.paragraphs.slice(0, 2)]),
          colors: COVER_COLORS[(p * 3 + i) % COVER_COLORS.length]!,
        }),
      );
    }
  }
  const videos = new Map<number, DemoFile>();
  for (const [n, clip] of await Promise.all(clips)) if (clip) videos.set(n, clip);
  return { bookPdfs, issuePdfs, videos };
}

export interface EditionSeed {
  edition: Edition;
  editionCodes: readonly string[];
  demo: EditionDemo;
  assets: DemoAssets;
  /** the edition's demo articles by key */
  articles: Map<string, { id: number; title: string; date: string }>;
  categories: Map<string, number>;
  /** slugs the edition already uses */
  slugs: Set<string>;
}

function uniqueSlug(s: EditionSeed, text: string): string {
  const base = slugify(text, 90) || 'item';
  let slug = base;
  for (let n = 2; s.slugs.has(slug) || isReservedSlug(slug, s.editionCodes); n++) slug = `${base}-${n}`;
  s.slugs.add(slug);
  return slug;
}

const paragraphs = (...texts: string[]) => texts.filter(Boolean).map((t) => `<p>${escapeHtml(t)}</p>`).join('\n');

/**
 * The edition's media rows, gathered first and written in one statement (a round trip per row
 * would be most of the seeding time on PostgreSQL). `add` gives a reference; `ids` after `write`.
 */
class MediaBatch {
  /** every row names every column: one multi-row insert has one column list */
  private rows: Insertable<MediaTable>[] = [];
  private written: number[] = [];
  private readonly now = new Date().toISOString();

  picture(image: GeneratedImage, m: { alt: string; caption?: string; credit?: string; title?: string }): number {
    const fields = { title: m.title ?? '', alt: m.alt, caption: m.caption ?? '', credit: m.credit ?? '' };
    return this.rows.push({
      kind: 'image',
      path: image.path,
      mime: 'image/jpeg',
      width: image.width,
      height: image.height,
      ...fields,
      variants: JSON.stringify(image.variants),
      original_name: '',
      size_bytes: 0,
      search_text: mediaSearchText({ ...fields, originalName: '' }),
      created_at: this.now,
    }) - 1;
  }

  file(file: DemoFile, m: { kind: 'pdf' | 'video'; mime: string; title: string; alt: string; width?: number; height?: number }): number {
    const originalName = file.path.slice(file.path.lastIndexOf('/') + 1);
    return this.rows.push({
      kind: m.kind,
      path: file.path,
      mime: m.mime,
      width: m.width ?? null,
      height: m.height ?? null,
      title: m.title,
      alt: m.alt,
      caption: '',
      credit: '',
      variants: '[]',
      original_name: originalName,
      size_bytes: file.sizeBytes,
      search_text: mediaSearchText({ title: m.title, alt: m.alt, caption: '', credit: '', originalName }),
      created_at: this.now,
    }) - 1;
  }

  async write(db: Db): Promise<void> {
    // Generated ids grow in the order the rows are given (SQLite rowids, PostgreSQL identity
    // sequences), so sorted they match the rows whatever order RETURNING reports them in.
    for (let i = 0; i < this.rows.length; i += 500) {
      const rows = await db.insertInto('media').values(this.rows.slice(i, i + 500)).returning('id').execute();
      this.written.push(...rows.map((r) => r.id).sort((a, b) => a - b));
    }
  }

  id(ref: number): number;
  id(ref: number | null): number | null;
  id(ref: number | null): number | null {
    if (ref === null) return null;
    const id = this.written[ref];
    if (id === undefined) throw new Error('demo media: written before use');
    return id;
  }
}

/** Cartoons, news pictures, galleries, videos, books, and the two periodicals with their issues; returns how many items. */
export async function seedMediaAndPublications(db: Db, s: EditionSeed): Promise<number> {
  const code = s.edition.code;
  const { media, publications } = s.demo;
  const images = s.assets.images;
  const image = (n: number) => images[n % images.length]!;
  const batch = new MediaBatch();
  let count = 0;
  const create = (input: NewItem) => {
    count++;
    return createItem(db, input);
  };
  /** the items, written in order once the media rows have their ids */
  const items: (() => Promise<unknown>)[] = [];
  const item = (input: () => Omit<NewItem, 'edition' | 'status'>) => items.push(() => create({ ...input(), edition: code, status: 'published' }));

  const pictures = (type: 'cartoon' | 'newspic', plans: PlannedPicture[], texts: DemoPicture[], credits: string[]) => {
    for (const [i, plan] of plans.entries()) {
      const t = texts[i];
      if (!t) break;
      const credit = credits[i % credits.length] ?? '';
      const picture = batch.picture(image(plan.image), { alt: t.alt, caption: t.caption, credit, title: t.title });
      const slug = uniqueSlug(s, t.title);
      items.push(() =>
        create({
          edition: code,
          type,
          slug,
          title: t.title,
          excerpt: t.caption,
          status: 'published',
          publishedAt: plan.date,
          featuredMediaId: batch.id(picture),
          categoryId: plan.category ? (s.categories.get(plan.category) ?? null) : null,
          translationKey: `${type}:${plan.key}`,
          details: { caption: t.caption, credit },
        }),
      );
    }
  };
  pictures('cartoon', CARTOONS, media.cartoons, media.credits.cartoons);
  pictures('newspic', NEWSPICS, media.newspics, media.credits.photos);

  for (const [g, plan] of GALLERIES.entries()) {
    const t = media.galleries[g];
    if (!t) break;
    const photos = t.photos.map((caption, i) => {
      const credit = media.credits.photos[(g + i) % media.credits.photos.length] ?? '';
      return { ref: batch.picture(image(plan.firstImage + i), { alt: caption, caption, credit }), caption, credit };
    });
    const slug = uniqueSlug(s, t.title);
    items.push(() =>
      create({
        edition: code,
        type: 'gallery',
        slug,
        title: t.title,
        excerpt: t.description,
        bodyHtml: paragraphs(t.description),
        status: 'published',
        publishedAt: plan.date,
        featuredMediaId: photos[0] ? batch.id(photos[0].ref) : null,
        translationKey: `gallery:${plan.key}`,
        photos: photos.map((p) => ({ mediaId: batch.id(p.ref), caption: p.caption, credit: p.credit })),
      }),
    );
  }

  for (const [v, plan] of VIDEOS.entries()) {
    const t = media.videos[v];
    if (!t) break;
    const credit = media.credits.videos[v % media.credits.videos.length] ?? '';
    const poster = batch.picture(image(plan.poster), { alt: t.posterAlt, title: t.title });
    const clip = plan.upload ? s.assets.videos.get(plan.upload) : undefined;
    const video = clip ? batch.file(clip, { kind: 'video', mime: DEMO_VIDEO.mime, title: t.title, alt: t.posterAlt, width: DEMO_VIDEO.width, height: DEMO_VIDEO.height }) : null;
    const slug = uniqueSlug(s, t.title);
    item(() => ({
      type: 'video',
      slug,
      title: t.title,
      excerpt: t.description,
      bodyHtml: paragraphs(t.description),
      publishedAt: plan.date,
      featuredMediaId: batch.id(poster),
      translationKey: `video:${plan.key}`,
      details: { videoMediaId: batch.id(video), externalUrl: video === null ? plan.fallbackUrl : '', credit },
    }));
  }

  for (const [b, plan] of BOOKS.entries()) {
    const t = publications.books[b];
    if (!t) break;
    const cover = batch.picture(image(plan.cover), { alt: t.coverAlt, title: t.title });
    const file = s.assets.bookPdfs.get(plan.key);
    const pdf = file ? batch.file(file, { kind: 'pdf', mime: 'application/pdf', title: t.title, alt: publications.pdfAlt(t.title) }) : null;
    const slug = uniqueSlug(s, t.title);
    item(() => ({
      type: 'book',
      slug,
      title: t.title,
      excerpt: t.description,
      bodyHtml: paragraphs(t.description),
      publishedAt: plan.date,
      featuredMediaId: batch.id(cover),
      translationKey: `book:${plan.key}`,
      details: { bookAuthor: t.author, publisher: t.publisher, year: plan.year, language: t.language, pdfMediaId: batch.id(pdf), purchaseUrl: plan.purchaseUrl },
    }));
  }

  const articleDates = [...s.articles.entries()].map(([key, a]) => [key, a.date] as const);
  for (const plan of PERIODICALS) {
    const t = publications[plan.key];
    const planned = issueArticles(plan, articleDates);
    const issues = plan.issues.map((issue) => {
      const title = publications.issueTitle(t.title, issue.number);
      const file = s.assets.issuePdfs.get(issueFile(plan, issue));
      return {
        issue,
        title,
        slug: uniqueSlug(s, title),
        cover: batch.picture(image(issue.number * 5 + (plan.stride - 1) * 3), { alt: publications.coverAlt(t.title, issue.number), title }),
        pdf: file ? batch.file(file, { kind: 'pdf', mime: 'application/pdf', title, alt: publications.pdfAlt(title) }) : null,
      };
    });
    s.slugs.add(plan.slug);
    items.push(async () => {
      const periodicalId = await create({
        edition: code,
        type: 'periodical',
        slug: plan.slug,
        title: t.title,
        excerpt: t.description,
        bodyHtml: paragraphs(t.description),
        status: 'published',
        publishedAt: plan.issues[0]!.date,
        // the newest issue's cover
        featuredMediaId: batch.id(issues[issues.length - 1]!.cover),
        translationKey: `periodical:${plan.slug}`,
      });
      for (const { issue, title, slug, cover, pdf } of issues) {
        const linked = (planned.get(issue.number) ?? []).map((k) => s.articles.get(k)!).filter(Boolean);
        const extra = issueExtra(issue, publications.extraContents);
        const contents = [...(extra ? [{ title: extra, itemId: null }] : []), ...linked.map((a) => ({ title: a.title, itemId: a.id }))];
        const excerpt = publications.issueExcerpt(t.title, issue.number, linked[0]?.title ?? '');
        await create({
          edition: code,
          type: 'issue',
          slug,
          title,
          excerpt,
          bodyHtml: paragraphs(excerpt),
          status: 'published',
          publishedAt: issue.date,
          featuredMediaId: batch.id(cover),
          parentId: periodicalId,
          translationKey: `issue:${plan.slug}:${issue.number}`,
          details: { number: issue.number, pdfMediaId: batch.id(pdf), contents },
        });
      }
    });
  }

  await batch.write(db);
  for (const write of items) await write();
  return count;
}
