import { randomBytes } from 'node:crypto';
import type { Db } from '../../storage/database.js';

const KEY = 'siteSecret';
const cache = new WeakMap<Db, Promise<Buffer>>();

/**
 * The site's HMAC key (public form tokens), kept in the settings table so every process and every
 * restart signs alike. Made on first use; if two processes race, the first one stored wins and both read it.
 */
export function siteSecret(db: Db): Promise<Buffer> {
  let secret = cache.get(db);
  if (!secret) {
    secret = loadOrCreate(db);
    secret.catch(() => cache.delete(db));
    cache.set(db, secret);
  }
  return secret;
}

async function loadOrCreate(db: Db): Promise<Buffer> {
  const read = () => db.selectFrom('settings').select('value').where('edition', '=', '').where('key', '=', KEY).executeTakeFirst();
  let row = await read();
  if (!row) {
    const value = JSON.stringify(randomBytes(32).toString('base64url'));
    await db.insertInto('settings').values({ edition: '', key: KEY, value }).onConflict((oc) => oc.columns(['edition', 'key']).doNothing()).execute();
    row = await read();
  }
  return Buffer.from(JSON.parse(row!.value) as string, 'base64url');
}
