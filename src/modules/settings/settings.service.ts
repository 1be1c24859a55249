import { z } from 'zod';
import type { Db } from '../../storage/database.js';
import { preparedQuery } from '../../storage/prepared-query.js';

/** Settings of one edition, merged over the site-wide ones, with defaults for anything unset. */
export const editionSettingsSchema = z.object({
  /** listings show the excerpt or the full body */
  listingShows: z.enum(['excerpt', 'full']).default('excerpt'),
  /** one line under the site's name */
  tagline: z.string().max(200).default(''),
  perPage: z.number().int().min(1).max(100).default(10),
  /** the first year of the copyright range */
  since: z.number().int().min(1900).max(2100).default(2015),
  social: z
    .object({
      facebook: z.string().url().optional(),
      twitter: z.string().url().optional(),
      instagram: z.string().url().optional(),
      youtube: z.string().url().optional(),
    })
    .default({}),
});

export type EditionSettings = z.infer<typeof editionSettingsSchema>;

const settingRows = preparedQuery((db, a: { scopes: string[] }) => db.selectFrom('settings').select(['edition', 'key', 'value']).where('edition', 'in', a.scopes));

export async function editionSettings(db: Db, edition: string): Promise<EditionSettings> {
  const rows = await settingRows(db, { scopes: ['', edition] });
  const merged: Record<string, unknown> = {};
  for (const scope of ['', edition]) {
    for (const r of rows) if (r.edition === scope) merged[r.key] = JSON.parse(r.value);
  }
  const parsed = editionSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : editionSettingsSchema.parse({});
}

/** Stores one setting ('' edition for site-wide). */
export async function setSetting(db: Db, edition: string, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ edition, key, value: json })
    .onConflict((oc) => oc.columns(['edition', 'key']).doUpdateSet({ value: json }))
    .execute();
}
