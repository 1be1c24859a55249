import type { Db } from '../../storage/database.js';
import type { GeneratedImage } from './generated-image.js';

/** Records an image in the media library; returns its id. */
export async function addImage(db: Db, image: GeneratedImage, alt: string, caption = ''): Promise<number> {
  const row = await db
    .insertInto('media')
    .values({
      kind: 'image',
      path: image.path,
      mime: 'image/jpeg',
      width: image.width,
      height: image.height,
      alt,
      caption,
      variants: JSON.stringify(image.variants),
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
