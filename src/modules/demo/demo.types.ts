/** The shape of one edition's demo content. Keys are shared across editions: items with the same key are translations of each other. */
export interface DemoCategory {
  key: string;
  name: string;
  slug: string;
  description: string;
  /** key of the parent category, if nested */
  parent?: string;
}

export interface DemoTag {
  key: string;
  name: string;
  slug: string;
}

export interface DemoAuthor {
  key: string;
  name: string;
  slug: string;
  bio: string;
}

export interface DemoReference {
  text: string;
  url: string;
}

export interface DemoArticle {
  /** "a01" … "a40": the same key in every edition marks translations */
  key: string;
  title: string;
  /** Unicode allowed (Persian/Arabic letters), lowercase, words joined by "-" */
  slug: string;
  excerpt: string;
  /** plain-text paragraphs; the body is built from them */
  paragraphs: string[];
  quote: { text: string; cite: string };
  references: DemoReference[];
  /** e.g. "by Paul R. Pillar, National Interest" in the edition's language */
  source: string;
  category: string;
  tags: string[];
  author: string;
  /** alt text of the generated featured image */
  imageAlt: string;
}

export interface DemoPage {
  title: string;
  slug: string;
  paragraphs: string[];
}

/** Labels of the reference site's menu, in the edition's language. */
export interface DemoMenuLabels {
  home: string;
  articles: string;
  media: string;
  cartoons: string;
  newspics: string;
  gallery: string;
  videos: string;
  publications: string;
  books: string;
  newsletter: string;
  parsBrief: string;
  about: string;
  contact: string;
  editions: string;
}

export interface EditionDemo {
  /** the site's name as shown in the header, and a one-line tagline */
  site: { title: string; tagline: string };
  menu: DemoMenuLabels;
  categories: DemoCategory[];
  tags: DemoTag[];
  authors: DemoAuthor[];
  articles: DemoArticle[];
  pages: { about: DemoPage; contact: DemoPage };
}
