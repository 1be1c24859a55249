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

/** A cartoon or a news picture: the picture is generated; these are its words. */
export interface DemoPicture {
  title: string;
  caption: string;
  /** what the picture shows, for readers who cannot see it */
  alt: string;
}

export interface DemoGallery {
  title: string;
  description: string;
  /** one caption per photo (also the photo's alt text), in order: 6 to 9 */
  photos: string[];
}

export interface DemoVideo {
  title: string;
  description: string;
  posterAlt: string;
}

export interface DemoBook {
  title: string;
  author: string;
  publisher: string;
  /** the language the book is written in, named in the edition's language */
  language: string;
  description: string;
  coverAlt: string;
}

export interface DemoPeriodical {
  title: string;
  description: string;
}

/** Cartoons, news pictures, galleries and videos of one edition (the plan in demo-plan.ts says when and with what). */
export interface DemoMedia {
  /** credit lines, used in turn */
  credits: { cartoons: string[]; photos: string[]; videos: string[] };
  /** 12 */
  cartoons: DemoPicture[];
  /** 12 */
  newspics: DemoPicture[];
  /** 3 */
  galleries: DemoGallery[];
  /** 4: the first two are uploaded files when ffmpeg can make them, the others external links */
  videos: DemoVideo[];
}

/** Books and the two periodicals of one edition. */
export interface DemoPublications {
  /** 5: the first three have a PDF, the last two a purchase link */
  books: DemoBook[];
  newsletter: DemoPeriodical;
  parsBrief: DemoPeriodical;
  /** e.g. "Newsletter No. 19" */
  issueTitle: (periodical: string, number: number) => string;
  /** a one-line summary naming the issue's first story */
  issueExcerpt: (periodical: string, number: number, lead: string) => string;
  coverAlt: (periodical: string, number: number) => string;
  /** entries of "Inside this issue" that are not articles ("Editor's note", "Letters", …) */
  extraContents: string[];
  /** the alt text of a PDF file in the media library */
  pdfAlt: (title: string) => string;
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
  media: DemoMedia;
  publications: DemoPublications;
}
