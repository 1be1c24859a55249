import type { EditionDemo } from '../../demo.types.js';
import { meta } from './meta.js';
import { articles1 } from './articles-1.js';
import { articles2 } from './articles-2.js';
import { articles3 } from './articles-3.js';
import { articles4 } from './articles-4.js';
import { media } from './media.js';
import { publications } from './publications.js';

/** Albanian demo edition. Keys match the other editions: same key, same item. */
export const sq: EditionDemo = { ...meta, articles: [...articles1, ...articles2, ...articles3, ...articles4], media, publications };
