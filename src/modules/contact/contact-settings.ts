import { z } from 'zod';
import type { Db } from '../../storage/database.js';
import { setSetting } from '../settings/index.js';
import { ContactError } from './contact.errors.js';

/** Where an edition's contact form is and where its messages are mailed. */
export interface ContactSettings {
  /** the page that shows the form (an item id), or null for no form */
  pageId: number | null;
  /** the newsroom's address for this edition; '' keeps messages in the inbox only */
  email: string;
}

const stored = z.object({
  contactPageId: z.number().int().positive().nullable().catch(null).default(null),
  contactEmail: z.string().catch('').default(''),
});

/** The contact settings of an edition (stored as the edition's `contactPageId` and `contactEmail` settings). */
export async function contactSettings(db: Db, edition: string): Promise<ContactSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('edition', '=', edition).where('key', 'in', ['contactPageId', 'contactEmail']).execute();
  const values = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const s = stored.parse(values);
  return { pageId: s.contactPageId, email: s.contactEmail };
}

const input = z.object({
  pageId: z.number().int().positive().nullable(),
  email: z.union([z.literal(''), z.email('must be an email address, like desk@example.org').max(254, 'at most 254 characters')]),
});

/** Checks an edition's contact settings (the page must be a page of that edition); throws ContactError, or returns them cleaned. */
export async function checkContactSettings(db: Db, edition: string, values: ContactSettings): Promise<ContactSettings> {
  const parsed = input.safeParse({ ...values, email: values.email.trim() });
  if (!parsed.success) throw new ContactError('contact.invalid_settings', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const { pageId, email } = parsed.data;
  if (pageId !== null) {
    const page = await db.selectFrom('items').select('id').where('id', '=', pageId).where('edition', '=', edition).where('type', '=', 'page').executeTakeFirst();
    if (!page) throw new ContactError('contact.invalid_settings', [{ path: 'pageId', message: 'must be a page of this edition' }]);
  }
  return { pageId, email };
}

/** Validates and saves an edition's contact settings. */
export async function saveContactSettings(db: Db, edition: string, values: ContactSettings): Promise<void> {
  const { pageId, email } = await checkContactSettings(db, edition, values);
  const save = async (trx: Db) => {
    await setSetting(trx, edition, 'contactPageId', pageId);
    await setSetting(trx, edition, 'contactEmail', email);
  };
  // Inside a caller's transaction (the demo seed) the two writes join it.
  await (db.isTransaction ? save(db) : db.transaction().execute(save));
}

/** The pages of an edition the form can be put on, for the settings screen. */
export async function contactPageChoices(db: Db, edition: string): Promise<{ id: number; title: string }[]> {
  const rows = await db.selectFrom('items').select(['id', 'title']).where('edition', '=', edition).where('type', '=', 'page').orderBy('title').execute();
  return rows.map((r) => ({ id: Number(r.id), title: r.title }));
}
