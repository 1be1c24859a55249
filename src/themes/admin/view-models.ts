/** What every newsroom page shell needs. */
export interface AdminChrome {
  title: string;
  csrfToken: string;
  /** the signed-in person, or null on the sign-in pages */
  user: { displayName: string; role: string } | null;
  /** which main section the page belongs to (highlighted in the menu) */
  section?: string;
  css: string;
  /** script URLs this page loads (deferred, same origin) */
  scripts?: string[];
  /** extra stylesheet URLs (the editor's) */
  styles?: string[];
  /** what the person needs to know first: a save, an error */
  notice?: { kind: 'success' | 'error'; text: string } | null;
  /** reload the page every so many seconds when scripts are off (a job's progress) */
  refreshSeconds?: number;
  /** sections the person may open, in menu order; a group opens a short list of its own */
  nav: NavEntry[];
}

export interface NavLink {
  key: string;
  label: string;
  href: string;
}

/** A link, or a named group of links (Media, Publications). */
export type NavEntry = NavLink | { key: string; label: string; children: NavLink[] };
