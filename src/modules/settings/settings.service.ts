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
  /** readers' comments: how deep replies nest, who is published at once, when comments close, who is told */
  comments: z
    .object({
      /** 1 = no replies; replies to replies… up to this many levels */
      depth: z.number().int().min(1).max(10).default(3),
      /** a commenter with an earlier approved comment in this edition is published without waiting */
      autoApproveReturning: z.boolean().default(false),
      /** comments close this many days after publication; 0 = never */
      closeAfterDays: z.number().int().min(0).max(36_500).default(0),
      /** editors and administrators of the edition get an email for each comment held for moderation */
      notifyModerators: z.boolean().default(true),
    })
    .default({ depth: 3, autoApproveReturning: false, closeAfterDays: 0, notifyModerators: true }),
  /** feeds carry each item's full text (else its excerpt) */
  feedFullContent: z.boolean().default(true),
  /** how many of the newest items a feed (and each of its pages) carries */
  feedItems: z.number().int().min(1).max(100).default(20),
});

export type EditionSettings = z.infer<typeof editionSettingsSchema>;

const settingRows = preparedQuery((db, a: { scopes: string[] }) => db.selectFrom('settings').select(['edition', 'key', 'value']).where('edition', 'in', a.scopes));

/** Parsed settings by the stored rows they came from: validating costs more than reading them (each posted comment asks). */
const parsedByRows = new Map<string, EditionSettings>();

/** An edition's settings (shared between callers: do not change the object). */
export async function editionSettings(db: Db, edition: string): Promise<EditionSettings> {
  const rows = await settingRows(db, { scopes: ['', edition] });
  const key = `${edition}\u0000${rows.map((r) => `${r.edition}\u0000${r.key}\u0000${r.value}`).join('\u0001')}`;
  const known = parsedByRows.get(key);
  if (known) return known;
  const merged: Record<string, unknown> = {};
  for (const scope of ['', edition]) {
    for (const r of rows) if (r.edition === scope) merged[r.key] = JSON.parse(r.value);
  }
  const parsed = editionSettingsSchema.safeParse(merged);
  const settings = parsed.success ? parsed.data : editionSettingsSchema.parse({});
  if (parsedByRows.size >= 64) parsedByRows.clear();
  parsedByRows.set(key, settings);
  return settings;
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

const webAddress = z
  .string()
  .trim()
  .url('must be a full address, like https://example.org/page')
  .max(500)
  .refine((s) => /^https?:\/\//i.test(s), 'must start with http:// or https://');

/** What the newsroom may save for an edition: the read schema, stricter where it is shown as a link. */
const editionSettingsInput = editionSettingsSchema.extend({
  tagline: z.string().trim().max(200, 'at most 200 characters'),
  listingShows: z.enum(['excerpt', 'full']),
  perPage: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'at least 1').max(100, 'at most 100'),
  since: z.number({ error: 'must be a year' }).int('must be a year').min(1900, 'from 1900').max(2100, 'to 2100'),
  social: z.object({ facebook: webAddress.optional(), twitter: webAddress.optional(), instagram: webAddress.optional(), youtube: webAddress.optional() }).strict(),
  comments: z.object({
    depth: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'at least 1').max(10, 'at most 10'),
    autoApproveReturning: z.boolean(),
    closeAfterDays: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, '0 or more').max(36_500, 'at most 36500'),
    notifyModerators: z.boolean(),
  }).strict().optional(),
  feedFullContent: z.boolean().optional(),
  feedItems: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'at least 1').max(100, 'at most 100').optional(),
});
export type EditionSettingsInput = z.input<typeof editionSettingsInput>;

/** A refusal of settings, with the messages per field. */
export class SettingsError extends Error {
  readonly code = 'settings.invalid_input';
  constructor(readonly issues: { path: string; message: string }[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'SettingsError';
  }
}

/** Validates and saves all of an edition's settings in one transaction: all of them, or none. */
export async function saveEditionSettings(db: Db, edition: string, input: EditionSettingsInput): Promise<EditionSettings> {
  const parsed = editionSettingsInput.safeParse(input);
  if (!parsed.success) throw new SettingsError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const values = parsed.data;
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(values)) if (value !== undefined) await setSetting(trx, edition, key, value);
  });
  // A form without the comment or feed fields leaves those settings as they were.
  const current = values.comments === undefined || values.feedFullContent === undefined || values.feedItems === undefined ? await editionSettings(db, edition) : undefined;
  return { ...values, comments: values.comments ?? current!.comments, feedFullContent: values.feedFullContent ?? current!.feedFullContent, feedItems: values.feedItems ?? current!.feedItems };
}
