import { join } from 'node:path';
import { saveItem, type ItemStateInput } from '../../src/modules/content/index.js';
import { addImage, generateImage } from '../../src/modules/media/index.js';
import type { Db } from '../../src/storage/database.js';
import { makeUser } from './newsroom.js';

/** What `addMediaContent` made, by role, so tests can find it. */
export interface MediaContent {
  counts: { cartoon: number; newspic: number; gallery: number; video: number; book: number };
  gallery: { slug: string; photos: { caption: string; credit: string }[] };
  cartoon: { slug: string; caption: string; credit: string };
  videos: { file: string; youtube: string; vimeo: string; direct: string };
  book: { slug: string; author: string; publisher: string; pdfId: number; purchaseUrl: string };
  periodical: { slug: string; title: string };
  issues: { slug: string; number: number; publishedAt: string }[];
  article: { slug: string; title: string };
  draft: { title: string };
  translatedGallery: { slug: string } | null;
}

let unique = 0;

/**
 * Media and publication items of every type in one edition, made through the newsroom's own
 * `saveItem`: images rendered into the site's media folder, a PDF and a video as library rows.
 */
export async function addMediaContent(db: Db, dataDir: string, edition = 'en', options: { perType?: number; translationOf?: { gallery?: number } } = {}): Promise<MediaContent & { ids: Record<string, number> }> {
  const n = options.perType ?? 3;
  const tag = `${edition}${++unique}`;
  const admin = await makeUser(db, 'administrator');
  const sc = { actor: { id: admin.id, role: 'administrator' as const, editions: null }, now: new Date(), editionCodes: ['en', 'ar', 'fa', 'sq'] };
  const mediaDir = join(dataDir, 'media');
  const images: number[] = [];
  for (let i = 0; i < 6; i++) images.push(await addImage(db, await generateImage(mediaDir, i), `Picture ${i + 1} of the ${edition} test set`, `Library caption ${i + 1}`));
  const file = async (kind: string, mime: string, path: string, size: number, name: string) =>
    (await db.insertInto('media').values({ kind, mime, path, width: null, height: null, size_bytes: size, original_name: name, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow()).id;
  const pdfId = await file('pdf', 'application/pdf', `files/${tag}-book.pdf`, 1_234_567, 'book.pdf');
  const issuePdf = await file('pdf', 'application/pdf', `files/${tag}-issue.pdf`, 456_000, 'issue.pdf');
  const videoId = await file('video', 'video/mp4', `files/${tag}-clip.mp4`, 2_000_000, 'clip.mp4');
  const ids: Record<string, number> = {};
  const day = (k: number) => new Date(Date.UTC(2024, 0, 1) + k * 86_400_000).toISOString();
  let k = 0;
  const save = async (type: string, input: Partial<ItemStateInput> & { title: string }, target: { translationOf?: number } = {}) =>
    saveItem(db, sc, null, { status: 'published', publishedAt: day(k++), ...input }, { edition, type, translationOf: target.translationOf ?? null });

  const counts = { cartoon: n, newspic: n, gallery: 1, video: 4, book: n };
  for (let i = 1; i <= n; i++) {
    ids[`cartoon${i}`] = await save('cartoon', { title: `Cartoon ${i} ${tag}`, slug: `cartoon-${i}-${tag}`, featuredMediaId: images[i % 6]!, details: { caption: `Cartoon caption ${i}`, credit: `Artist ${i}` } });
    ids[`newspic${i}`] = await save('newspic', { title: `News picture ${i} ${tag}`, slug: `newspic-${i}-${tag}`, featuredMediaId: images[(i + 1) % 6]!, details: { caption: `Newspic caption ${i}`, credit: `Photographer ${i}` } });
    ids[`book${i}`] = await save('book', {
      title: `Book ${i} ${tag}`, slug: `book-${i}-${tag}`, featuredMediaId: images[(i + 2) % 6]!, bodyHtml: `<p>About book ${i}.</p>`,
      details: { bookAuthor: `Author ${i}`, publisher: 'Test Press', year: 2000 + i, language: 'English', pdfMediaId: pdfId, purchaseUrl: 'https://shop.example/book' },
    });
  }
  const photos = [1, 2, 3, 4, 5].map((p) => ({ mediaId: images[p % 6]!, caption: p === 3 ? '' : `Photo caption ${p}`, credit: p === 3 ? '' : `Credit ${p}` }));
  ids.gallery = await save('gallery', { title: `Album ${tag}`, slug: `album-${tag}`, featuredMediaId: images[0]!, bodyHtml: '<p>An album of five photos.</p>', photos }, { translationOf: options.translationOf?.gallery });
  ids.videoFile = await save('video', { title: `Uploaded video ${tag}`, slug: `video-file-${tag}`, featuredMediaId: images[1]!, details: { videoMediaId: videoId, credit: 'Video team' } });
  ids.videoYoutube = await save('video', { title: `YouTube video ${tag}`, slug: `video-youtube-${tag}`, featuredMediaId: images[2]!, details: { externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } });
  ids.videoVimeo = await save('video', { title: `Vimeo video ${tag}`, slug: `video-vimeo-${tag}`, featuredMediaId: images[3]!, details: { externalUrl: 'https://vimeo.com/76979871' } });
  ids.videoDirect = await save('video', { title: `Linked file video ${tag}`, slug: `video-direct-${tag}`, featuredMediaId: images[4]!, details: { externalUrl: 'https://cdn.example.org/films/clip.webm' } });
  ids.article = await save('article', {
    title: `Article with videos ${tag}`, slug: `article-videos-${tag}`,
    bodyHtml: '<p>Before.</p><p><a href="https://cdn.example.org/films/talk.mp4">The talk</a></p><p>https://youtu.be/dQw4w9WgXcQ</p><p>After <a href="https://example.org/x.mp4">a link in a sentence</a>.</p>',
  });
  ids.draft = await saveItem(db, sc, null, { title: `Unpublished article ${tag}`, status: 'draft' }, { edition, type: 'article' });
  ids.periodical = await save('periodical', { title: `Bulletin ${tag}`, slug: `bulletin-${tag}`, bodyHtml: '<p>Our monthly bulletin.</p>' });
  const issues: MediaContent['issues'] = [];
  const issueDates = ['2023-03-10T09:00:00.000Z', '2023-11-10T09:00:00.000Z', '2024-02-10T09:00:00.000Z', '2024-06-10T09:00:00.000Z'];
  for (const [i, publishedAt] of issueDates.entries()) {
    const slug = `bulletin-${tag}-no-${i + 1}`;
    const contents = i === issueDates.length - 1 ? [{ title: 'The linked article', itemId: ids.article }, { title: 'A draft not linked', itemId: ids.draft }, { title: 'Plain entry', itemId: null }] : [{ title: `Entry of issue ${i + 1}`, itemId: null }];
    ids[`issue${i + 1}`] = await save('issue', { title: `Bulletin No. ${i + 1}`, slug, publishedAt, parentId: ids.periodical, featuredMediaId: images[i % 6]!, details: { number: i + 1, pdfMediaId: issuePdf, contents } });
    issues.push({ slug, number: i + 1, publishedAt });
  }
  return {
    ids,
    counts,
    gallery: { slug: `album-${tag}`, photos: photos.map((p, i) => ({ caption: p.caption || `Library caption ${(i + 1) % 6 + 1}`, credit: p.credit })) },
    cartoon: { slug: `cartoon-1-${tag}`, caption: 'Cartoon caption 1', credit: 'Artist 1' },
    videos: { file: `video-file-${tag}`, youtube: `video-youtube-${tag}`, vimeo: `video-vimeo-${tag}`, direct: `video-direct-${tag}` },
    book: { slug: `book-1-${tag}`, author: 'Author 1', publisher: 'Test Press', pdfId, purchaseUrl: 'https://shop.example/book' },
    periodical: { slug: `bulletin-${tag}`, title: `Bulletin ${tag}` },
    issues: issues.reverse(),
    article: { slug: `article-videos-${tag}`, title: `Article with videos ${tag}` },
    draft: { title: `Unpublished article ${tag}` },
    translatedGallery: null,
  };
}
