/** How the newsroom names each content type. */
export const TYPE_NAMES: Record<string, string> = {
  article: 'article', page: 'page', cartoon: 'cartoon', newspic: 'NewsPic', gallery: 'gallery', video: 'video',
  book: 'book', periodical: 'periodical', issue: 'issue',
};

export const TYPE_PLURALS: Record<string, string> = {
  article: 'Articles', page: 'Pages', cartoon: 'Cartoons', newspic: 'NewsPics', gallery: 'Galleries', video: 'Videos',
  book: 'Books', periodical: 'Periodicals', issue: 'Issues',
};

/** What the featured image is to each type. */
export const IMAGE_LABELS: Record<string, string> = {
  article: 'Featured image', page: 'Featured image', cartoon: 'Cartoon image', newspic: 'Photo', gallery: 'Gallery cover', video: 'Poster',
  book: 'Cover', periodical: 'Cover', issue: 'Cover',
};

export const typeName = (type: string): string => TYPE_NAMES[type] ?? type;
