import type { MenuNode } from '../../modules/menus/index.js';
import type { ChromeVM, FeedLinkVM, MenuLinkVM } from '../../themes/default/view-models.js';
import type { EditionSite } from './edition-site.js';
import { editionFeedLinks } from './feed-links.js';
import type { SiteData } from './site-data.js';
import { hreflangLinks, hreflangOrder } from './hreflang.js';
import { pageMeta, type PageAbout } from './page-meta.js';

/** The editions of the site, so a page can link to all of them. */
export interface SiteEditions {
  sites: EditionSite[];
  byCode: Map<string, EditionSite>;
}

export interface ChromeInput {
  /** the page's own title; the site title is appended */
  title?: string;
  description?: string;
  /** the request path inside the site, for marking the current menu entry */
  path: string;
  /** edition code → URL of this page's counterpart there (this edition included) */
  alternates?: Map<string, string>;
  searchQuery?: string;
  noindex?: boolean;
  canonical?: boolean;
  /** what the page is about (item pages), for Open Graph, Twitter cards and JSON-LD */
  about?: PageAbout;
  /** the feeds of the page's category or section, announced after the edition's own */
  feeds?: FeedLinkVM[];
}

export interface Assets {
  css: string;
  js: string;
  icon: string;
}

function resolveTarget(site: EditionSite, editions: SiteEditions, target: string): string {
  if (target === '#' || /^https?:\/\//.test(target)) return target;
  if (target.startsWith('edition:')) return editions.byCode.get(target.slice(8))?.home() ?? '#';
  return site.url(target);
}

function resolveMenu(site: EditionSite, editions: SiteEditions, nodes: MenuNode[]): MenuLinkVM[] {
  return nodes.map((n) => ({ label: n.label, url: resolveTarget(site, editions, n.target), current: false, children: resolveMenu(site, editions, n.children) }));
}

function hasUrl(menu: MenuLinkVM[], path: string): boolean {
  return menu.some((m) => m.url === path || hasUrl(m.children, path));
}

/** The menu with the entry for this page marked; most pages are in no menu and share the base. */
function markCurrent(menu: MenuLinkVM[], path: string): MenuLinkVM[] {
  if (!hasUrl(menu, path)) return menu;
  return menu.map((m) => ({ ...m, current: m.url === path, children: markCurrent(m.children, path) }));
}

/** The parts of the chrome that are the same on every page of an edition, for as long as its site data lasts. */
interface ChromeBase {
  menu: MenuLinkVM[];
  recent: ChromeVM['recent'];
  social: ChromeVM['social'];
  copyright: string;
}

const SOCIAL_LABELS = { facebook: 'social_facebook', twitter: 'social_twitter', instagram: 'social_instagram', youtube: 'social_youtube' } as const;
const bases = new WeakMap<SiteData, ChromeBase>();

function chromeBase(site: EditionSite, editions: SiteEditions, data: SiteData): ChromeBase {
  let base = bases.get(data);
  if (base) return base;
  const { t, format, edition } = site;
  const { settings } = data;
  const sinceYear = format.yearOf(new Date(Date.UTC(settings.since, 6, 1)));
  const nowYear = format.yearOf(new Date());
  base = {
    menu: resolveMenu(site, editions, data.menu),
    recent: data.recent.map((r) => ({ title: r.title, url: site.item(r.slug), date: format.date(r.published_at), datetime: r.published_at })),
    social: (Object.keys(SOCIAL_LABELS) as (keyof typeof SOCIAL_LABELS)[])
      .filter((k) => settings.social[k])
      .map((k) => ({ network: k, label: t(SOCIAL_LABELS[k]), url: settings.social[k]! })),
    copyright: t('copyright', { years: sinceYear === nowYear ? nowYear : `${sinceYear}–${nowYear}`, site: edition.title }),
  };
  bases.set(data, base);
  return base;
}

/** The view model of what the header, sidebar and footer show. */
export function buildChrome(site: EditionSite, editions: SiteEditions, assets: Assets, data: SiteData, input: ChromeInput): ChromeVM {
  const { edition, t } = site;
  const base = chromeBase(site, editions, data);
  const alternates = input.alternates ?? new Map<string, string>();
  const versions = new Map([...alternates].map(([code, url]) => [code, site.baseUrl + url]));
  const links = hreflangLinks(versions, hreflangOrder(editions.sites.map((s) => s.edition)));
  const own = alternates.get(edition.code);
  const canonical = input.canonical === false || !own ? null : site.baseUrl + own;
  // An item's SEO description or excerpt, a listing's own text, else the edition's tagline.
  const description = input.description || data.settings.tagline;
  return {
    t,
    lang: edition.code,
    dir: edition.dir,
    title: input.title ? `${input.title} – ${edition.title}` : edition.title,
    description,
    siteTitle: edition.title,
    tagline: data.settings.tagline,
    homeUrl: site.home(),
    searchUrl: site.search(),
    searchQuery: input.searchQuery ?? '',
    canonical,
    alternates: links,
    feeds: input.feeds ? [...editionFeedLinks(site), ...input.feeds] : editionFeedLinks(site),
    menu: markCurrent(base.menu, input.path),
    editions: editions.sites.map((s) => ({
      code: s.edition.code,
      nativeName: s.edition.nativeName,
      dir: s.edition.dir,
      url: alternates.get(s.edition.code) ?? s.home(),
      current: s === site,
    })),
    recent: base.recent,
    social: base.social,
    copyright: base.copyright,
    assets,
    noindex: input.noindex ?? false,
    meta: pageMeta(site, editions, assets, data, { title: input.title ?? edition.title, description, canonical, versions, about: input.about }),
  };
}
