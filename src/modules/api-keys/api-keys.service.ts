import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../storage/database.js';
import { preparedQuery } from '../../storage/prepared-query.js';
import { ApiKeyError } from './api-keys.errors.js';

/** What the newsroom's list shows of a key: never the key. */
export interface ApiKeyView {
  id: number;
  name: string;
  /** the key's first characters, to tell keys apart */
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const KEY_PREFIX = 'nashr_';
/** `nashr_` and 32 characters of base64url (24 random bytes). */
const KEY_SHAPE = /^nashr_[A-Za-z0-9_-]{32}$/;

/** The stored form of a key: hex SHA-256. A key has 192 random bits, so a plain hash is enough (no slow KDF). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function checkName(raw: string): string {
  const name = raw.trim();
  if (!name || name.length > 100 || /[\u0000-\u001f\u007f]/.test(name)) throw new ApiKeyError('api_keys.invalid_input', 'The name must be 1 to 100 characters on one line.');
  return name;
}

/** Makes a key; returns it in full — the only time it exists outside the client that receives it. */
export async function createApiKey(db: Db, input: { name: string; createdBy: number | null; now: Date }): Promise<{ id: number; key: string }> {
  const name = checkName(input.name);
  const key = KEY_PREFIX + randomBytes(24).toString('base64url');
  const row = await db
    .insertInto('api_keys')
    .values({ name, key_hash: hashApiKey(key), key_prefix: key.slice(0, KEY_PREFIX.length + 4), created_at: input.now.toISOString(), created_by: input.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key };
}

/** Every key, newest first, revoked ones included. */
export async function listApiKeys(db: Db): Promise<ApiKeyView[]> {
  const rows = await db
    .selectFrom('api_keys as k')
    .leftJoin('users as u', 'u.id', 'k.created_by')
    .select(['k.id', 'k.name', 'k.key_prefix', 'k.created_at', 'k.last_used_at', 'k.revoked_at', 'u.display_name'])
    .orderBy('k.id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.key_prefix, createdAt: r.created_at, createdBy: r.display_name, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
}

/** Revokes a key for good (revoking twice keeps the first time). */
export async function revokeApiKey(db: Db, id: number, now: Date): Promise<void> {
  const found = await db.selectFrom('api_keys').select(['id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
  if (!found) throw new ApiKeyError('api_keys.not_found', 'There is no such API key.');
  if (!found.revoked_at) await db.updateTable('api_keys').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

// Every API request runs this: compiled once, not built anew each time.
const activeKey = preparedQuery((db, a: { hash: string }) =>
  db.selectFrom('api_keys').select(['id', 'last_used_at']).where('key_hash', '=', a.hash).where('revoked_at', 'is', null),
);

/** The active key a client presented, or undefined (unknown, revoked or malformed — alike). */
export async function findActiveKey(db: Db, key: string): Promise<{ id: number; lastUsedAt: string | null } | undefined> {
  if (!KEY_SHAPE.test(key)) return undefined;
  const [row] = await activeKey(db, { hash: hashApiKey(key) });
  return row ? { id: row.id, lastUsedAt: row.last_used_at } : undefined;
}

/** Records that a key was used. */
export async function touchApiKey(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: now.toISOString() }).where('id', '=', id).execute();
}
