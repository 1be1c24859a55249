import { escapeHtml } from '#jsx/jsx-runtime';
import type { ImageRef } from '../../modules/content/index.js';
import type { FeedItem } from '../../modules/feeds/index.js';
import { mediaUrl } from './cards.js';
import type { EditionSite } from './edition-site.js';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function figure(image: ImageRef | null, caption = '', credit = '', creditLabel = ''): string {
  if (!image) return '';
  const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : '';
  const parts = [caption && escapeHtml(caption), credit && `${escapeHtml(creditLabel)} ${escapeHtml(credit)}`].filter(Boolean);
  const figcaption = parts.length ? `<figcaption>${parts.join(' — ')}</figcaption>` : '';
  return `<figure><img src="${escapeHtml(mediaUrl(image.path))}" alt="${escapeHtml(image.alt)}"${size}>${figcaption}</figure>`;
}

function paragraph(text: string): string {
  return text ? `<p>${escapeHtml(text)}</p>` : '';
}

/**
 * The full text of an item as a feed reader shows it: the body, with what the item's own page
 * shows around it for its type (a cartoon's picture and caption, an album's photos, a book's
 * cover and facts, an issue's contents). Site-relative addresses; the caller makes them absolute.
 * Every value that is not sanitized body HTML is escaped here.
 */
export function feedContentHtml(site: EditionSite, item: FeedItem): string {
  const { t } = site;
  const d = item.details;
  switch (item.type) {
    case 'cartoon':
    case 'newspic':
      return figure(item.image, str(d.caption), str(d.credit), t('creditLabel')) + item.bodyHtml;
    case 'gallery':
      return item.bodyHtml + item.photos.map((p) => figure(p.image, p.caption, p.credit, t('creditLabel'))).join('');
    case 'video': {
      const external = str(d.externalUrl);
      const link = external ? `<p><a href="${escapeHtml(external)}">${escapeHtml(external)}</a></p>` : '';
      return figure(item.image, '', str(d.credit), t('creditLabel')) + item.bodyHtml + link;
    }
    case 'book': {
      const facts = [
        [t('bookAuthor'), str(d.bookAuthor)],
        [t('publisher'), str(d.publisher)],
        [t('year'), typeof d.year === 'number' ? site.format.number(d.year) : ''],
        [t('language'), str(d.language)],
      ].filter(([, v]) => v);
      const list = facts.length ? `<ul>${facts.map(([k, v]) => `<li>${escapeHtml(k!)}: ${escapeHtml(v!)}</li>`).join('')}</ul>` : '';
      const buy = str(d.purchaseUrl) ? `<p><a href="${escapeHtml(str(d.purchaseUrl))}">${escapeHtml(t('buyBook'))}</a></p>` : '';
      return figure(item.image) + item.bodyHtml + list + buy;
    }
    case 'issue': {
      const contents = Array.isArray(d.contents) ? (d.contents as { title: string }[]) : [];
      const inside = contents.length ? `<h2>${escapeHtml(t('insideThisIssue'))}</h2><ul>${contents.map((c) => `<li>${escapeHtml(c.title)}</li>`).join('')}</ul>` : '';
      return figure(item.image) + item.bodyHtml + inside;
    }
    default:
      return item.bodyHtml || paragraph(item.excerpt);
  }
}

/** The plain-text summary: the excerpt, else a picture's caption. */
export function feedSummary(item: FeedItem): string {
  return item.excerpt || str(item.details.caption);
}
