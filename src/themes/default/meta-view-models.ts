import type { Html } from '#jsx/jsx-runtime';

/** What a page tells search engines and social networks about itself, beyond its title, description and canonical link. */
export interface PageMetaVM {
  /** Open Graph and article:* tags, in order (`property` → `content`; a property may repeat) */
  openGraph: { property: string; content: string }[];
  /** Twitter card tags (`name` → `content`) */
  twitter: { name: string; content: string }[];
  /** the JSON-LD graph, already serialized so that no text in it can end the script element; null for none */
  jsonLd: Html | null;
}
