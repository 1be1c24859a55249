import type { Db } from '../../storage/database.js';
import { recent, LISTED_TYPES } from '../../modules/content/index.js';
import { menuTree, type MenuNode } from '../../modules/menus/index.js';
import { editionSettings, type EditionSettings } from '../../modules/settings/index.js';
import type { ChromeVM, MenuLinkVM } from '../../themes/default/view-models.js';
import type { EditionSite } from './edition-site.js';

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

function menuVM(site: EditionSite, editions: SiteEditions, nodes: MenuNode[], path: string): MenuLinkVM[] {
  return nodes.map((n) => {
    const url = resolveTarget(site, editions, n.target);
    return { label: n.label, url, current: url === path, children: menuVM(site, editions, n.children, path) };
  });
}

/** Loads what the header, sidebar and footer show and builds their view model. */
export async function buildChrome(
  db: Db,
  site: EditionSite,
  editions: SiteEditions,
  assets: Assets,
  input: ChromeInput,
  loadedSettings?: EditionSettings,
): Promise<{ chrome: ChromeVM; settings: EditionSettings }> {
  const { edition, t, format } = site;
  const [menu, latest, settings] = await Promise.all([
    menuTree(db, edition.code),
    recent(db, edition.code, LISTED_TYPES, 5),
    loadedSettings ?? editionSettings(db, edition.code),
  ]);
  const alternates = input.alternates ?? new Map<string, string>();
  const rootCode = editions.sites.find((s) => s.edition.prefix === '')!.edition.code;
  const links = [...alternates].map(([code, url]) => ({ hreflang: code, href: site.baseUrl + url }));
  if (alternates.has(rootCode) && links.length > 1) links.push({ hreflang: 'x-default', href: site.baseUrl + alternates.get(rootCode)! });
  const own = alternates.get(edition.code);
  const sinceYear = format.yearOf(new Date(Date.UTC(settings.since, 6, 1)));
  const nowYear = format.yearOf(new Date());
  const socialNames = { facebook: 'social_facebook', twitter: 'social_twitter', instagram: 'social_instagram', youtube: 'social_youtube' } as const;
  const chrome: ChromeVM = {
    t,
    lang: edition.code,
    dir: edition.dir,
    title: input.title ? `${input.title} – ${edition.title}` : edition.title,
    description: input.description ?? '',
    siteTitle: edition.title,
    tagline: settings.tagline,
    homeUrl: site.home(),
    searchUrl: site.search(),
    searchQuery: input.searchQuery ?? '',
    canonical: input.canonical === false || !own ? null : site.baseUrl + own,
    alternates: links.length > 1 ? links : [],
    menu: menuVM(site, editions, menu, input.path),
    editions: editions.sites.map((s) => ({
      code: s.edition.code,
      nativeName: s.edition.nativeName,
      dir: s.edition.dir,
      url: alternates.get(s.edition.code) ?? s.home(),
      current: s === site,
    })),
    recent: latest.map((r) => ({ title: r.title, url: site.item(r.slug), date: format.date(r.published_at), datetime: r.published_at })),
    social: (Object.keys(socialNames) as (keyof typeof socialNames)[])
      .filter((k) => settings.social[k])
      .map((k) => ({ network: k, label: t(socialNames[k]), url: settings.social[k]! })),
    copyright: t('copyright', { years: sinceYear === nowYear ? nowYear : `${sinceYear}–${nowYear}`, site: edition.title }),
    assets,
    noindex: input.noindex ?? false,
  };
  return { chrome, settings };
}
