/** The Media and Publications sections that list one content type each: address → type. */
export const MEDIA_SECTIONS = {
  cartoons: { type: 'cartoon', grid: 'images' },
  newspics: { type: 'newspic', grid: 'images' },
  gallery: { type: 'gallery', grid: 'albums' },
  videos: { type: 'video', grid: 'videos' },
  books: { type: 'book', grid: 'books' },
} as const;

export type MediaSection = keyof typeof MEDIA_SECTIONS;

/** The section an item of a type is listed in, if any. */
export function sectionOfType(type: string): MediaSection | undefined {
  return (Object.keys(MEDIA_SECTIONS) as MediaSection[]).find((s) => MEDIA_SECTIONS[s].type === type);
}

/**
 * The periodicals of the reference site's menu. A periodical lives at its own slug; until an
 * edition has one of these, its menu entry leads to an honest empty page rather than a 404.
 */
export const MENU_PERIODICALS = ['newsletter', 'pars-brief'] as const;
