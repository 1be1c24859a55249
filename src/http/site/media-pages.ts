import { pageShowsItems, pageTag, tagPage } from '../page-cache/index.js';
import type { FastifyReply } from 'fastify';
import { raw } from '#jsx/jsx-runtime';
import type { ItemDetail } from '../../modules/content/index.js';
import { galleryPhotos, issuesOf, mediaFiles, periodicalOf, resolveContents, type IssueSummary, type MediaFile } from '../../modules/publications/index.js';
import { parseVideoLink } from '../../lib/video-links.js';
import type { BookVM, DownloadVM, EntryVM, IssueVM, PlayerVM } from '../../themes/default/media-view-models.js';
import type { ChromeVM, LinkVM } from '../../themes/default/view-models.js';
import type { CommentsVM } from '../../themes/default/comment-view-models.js';
import { BookPage } from '../../themes/default/pages/book.js';
import { GalleryPage } from '../../themes/default/pages/gallery.js';
import { ImageItemPage } from '../../themes/default/pages/image-item.js';
import { IssuePage } from '../../themes/default/pages/issue.js';
import { PeriodicalPage } from '../../themes/default/pages/periodical.js';
import { VideoPage } from '../../themes/default/pages/video.js';
import { cardVM, imageVM, mediaUrl } from './cards.js';
import type { EditionSite } from './edition-site.js';
import { fileSize } from './file-size.js';
import { sectionOfType } from './media-sections.js';
import { sendHtml, type SiteContext } from './site-context.js';
import type { SiteData } from './site-data.js';
import { shareLinks } from './share-links.js';

/** The page renderers of the media and publication types; articles and pages are item-routes.ts's. */
export const MEDIA_PAGE_TYPES = new Set(['cartoon', 'newspic', 'gallery', 'video', 'book', 'periodical', 'issue']);

interface PageInput {
  ctx: SiteContext;
  reply: FastifyReply;
  item: ItemDetail;
  chrome: ChromeVM;
  data: SiteData;
  comments: CommentsVM | null;
}

/** What a media item's page shares with an article's: card fields, body, tags, breadcrumbs (Home › section › categories). */
function entryVM(site: EditionSite, data: SiteData, item: ItemDetail): EntryVM {
  const tree = data.categories;
  const node = item.categoryId !== null ? tree.get(item.categoryId) : undefined;
  const section = sectionOfType(item.type);
  return {
    ...cardVM(site, tree, item),
    body: raw(item.bodyHtml),
    tags: item.tags.map((t) => ({ label: t.name, url: site.tag(t.slug) })),
    breadcrumbs: [
      { label: site.t('home'), url: site.home() },
      ...(section ? [{ label: site.t(`section_${section}`), url: site.url(`/${section}/`) }] : []),
      ...(node ? tree.ancestry(node).map((c) => ({ label: c.name, url: site.category(c.path) })) : []),
    ],
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** A PDF's download link, "Download PDF (1.2 MB)". */
export function downloadVM(site: EditionSite, file: MediaFile | undefined): DownloadVM | null {
  if (!file || file.kind !== 'pdf') return null;
  return { url: `/media/download/${file.id}`, label: site.t('downloadPdf', { size: fileSize(site, file.sizeBytes) }) };
}

/** How a video item plays: its uploaded file, else its external address (a provider's page or a file), else not at all. */
function playerVM(site: EditionSite, item: ItemDetail, file: MediaFile | undefined): PlayerVM {
  const poster = item.image ? mediaUrl(item.image.path) : null;
  if (file && file.kind === 'video') return { kind: 'file', src: mediaUrl(file.path), mime: file.mime, poster, fallbackLabel: site.t('downloadVideo') };
  const link = parseVideoLink(str(item.details.externalUrl));
  if (link?.kind === 'file') return { kind: 'file', src: link.url, mime: link.mime, poster, fallbackLabel: site.t('downloadVideo') };
  if (link?.kind === 'embed') {
    return {
      kind: 'embed',
      pageUrl: str(item.details.externalUrl),
      label: site.t('playVideoOn', { provider: link.provider === 'youtube' ? 'YouTube' : 'Vimeo' }),
      poster: item.image ? imageVM(item.image) : null,
    };
  }
  return { kind: 'none' };
}

/** An issue as a list or the periodical page shows it. */
async function issueVM(ctx: SiteContext, issue: IssueSummary, files: Map<number, MediaFile>, withContents: boolean): Promise<IssueVM> {
  const { site, db } = ctx;
  const contents = withContents ? await resolveContents(db, site.edition.code, issue.contents) : [];
  return {
    title: issue.title,
    url: site.item(issue.slug),
    numberLabel: issue.number !== null ? site.t('issueNumber', { number: site.format.number(issue.number) }) : null,
    date: site.format.date(issue.publishedAt),
    datetime: issue.publishedAt,
    image: issue.image ? imageVM(issue.image) : null,
    contents: contents.map((c) => ({ title: c.title, url: c.link ? site.item(c.link.slug) : null })),
    pdf: issue.pdfMediaId !== null ? downloadVM(site, files.get(issue.pdfMediaId)) : null,
  };
}

/** Renders the page of a media or publication item. */
export async function renderMediaPage({ ctx, reply, item, chrome, data, comments }: PageInput): Promise<FastifyReply> {
  const { site, db } = ctx;
  const { t } = site;
  const d = item.details;
  switch (item.type) {
    case 'cartoon':
    case 'newspic':
      return sendHtml(reply, ImageItemPage({ chrome, item: { ...entryVM(site, data, item), caption: str(d.caption), credit: str(d.credit) }, comments }));
    case 'gallery': {
      const photos = await galleryPhotos(db, item.id);
      const albumUrl = site.item(item.slug);
      return sendHtml(
        reply,
        GalleryPage({
          chrome,
          gallery: {
            ...entryVM(site, data, item),
            photoCount: t.plural('photos', photos.length),
            photos: photos.map((p, i) => ({
              n: i + 1,
              url: `${albumUrl}photo/${i + 1}/`,
              image: imageVM(p.image),
              large: mediaUrl(p.image.path),
              caption: p.caption,
              credit: p.credit,
              position: t('photoPosition', { n: site.format.number(i + 1), total: site.format.number(photos.length) }),
            })),
          },
          comments,
        }),
      );
    }
    case 'video': {
      const files = await mediaFiles(db, [num(d.videoMediaId)]);
      const player = playerVM(site, item, files.get(num(d.videoMediaId) ?? 0));
      return sendHtml(reply, VideoPage({ chrome, video: { ...entryVM(site, data, item), player, credit: str(d.credit) }, comments }));
    }
    case 'book': {
      const files = await mediaFiles(db, [num(d.pdfMediaId)]);
      const year = num(d.year);
      const facts: BookVM['facts'] = [
        { label: t('bookAuthor'), value: str(d.bookAuthor) },
        { label: t('publisher'), value: str(d.publisher) },
        { label: t('year'), value: year !== null ? site.format.number(year) : '' },
        { label: t('language'), value: str(d.language) },
      ].filter((f) => f.value);
      return sendHtml(
        reply,
        BookPage({
          chrome,
          book: { ...entryVM(site, data, item), facts, pdf: downloadVM(site, files.get(num(d.pdfMediaId) ?? 0)), purchaseUrl: str(d.purchaseUrl) || null },
          comments,
        }),
      );
    }
    case 'periodical': {
      const issues = await issuesOf(db, item.id);
      tagPage(pageTag.lists(ctx.site.edition.code));
      pageShowsItems(issues.map((i) => i.id));
      const files = await mediaFiles(db, issues.map((i) => i.pdfMediaId));
      const vms = await Promise.all(issues.map((i, n) => issueVM(ctx, i, files, n === 0)));
      const archive: { year: string; issues: IssueVM[] }[] = [];
      for (const vm of vms) {
        const year = site.format.yearOf(vm.datetime);
        const last = archive[archive.length - 1];
        if (last?.year === year) last.issues.push(vm);
        else archive.push({ year, issues: [vm] });
      }
      const url = site.item(item.slug);
      return sendHtml(
        reply,
        PeriodicalPage({
          chrome,
          periodical: {
            title: item.title,
            body: raw(item.bodyHtml),
            breadcrumbs: [{ label: t('home'), url: site.home() }],
            latest: vms[0] ?? null,
            archive,
            share: shareLinks(site.shareNetworks, site.baseUrl + url, item.title),
          },
          comments,
        }),
      );
    }
    case 'issue': {
      const pdfId = num(d.pdfMediaId);
      const files = await mediaFiles(db, [pdfId]);
      const periodical = await periodicalOf(db, site.edition.code, item.parentId);
      const summary: IssueSummary = {
        id: item.id, slug: item.slug, title: item.title, excerpt: item.excerpt, publishedAt: item.publishedAt,
        number: num(d.number), pdfMediaId: pdfId, contents: (d.contents as IssueSummary['contents']) ?? [], image: item.image,
      };
      const vm = await issueVM(ctx, summary, files, true);
      const periodicalLink: LinkVM | null = periodical ? { label: periodical.title, url: site.item(periodical.slug) } : null;
      return sendHtml(
        reply,
        IssuePage({
          chrome,
          issue: {
            ...vm,
            body: raw(item.bodyHtml),
            periodical: periodicalLink,
            breadcrumbs: [{ label: t('home'), url: site.home() }, ...(periodicalLink ? [periodicalLink] : [])],
            share: shareLinks(site.shareNetworks, site.baseUrl + vm.url, item.title, item.image ? site.baseUrl + mediaUrl(item.image.path) : ''),
          },
          comments,
        }),
      );
    }
  }
  throw new Error(`no page for items of type ${item.type}`);
}
