import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import type { Db } from '../../../src/storage/database.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';

/** Signs an administrator in and makes an API key through the newsroom page; returns the key shown once. */
export async function makeKeyInNewsroom(app: FastifyInstance, db: Db, name = 'Test app', admin?: NewsroomClient): Promise<{ key: string; admin: NewsroomClient }> {
  let client = admin;
  if (!client) {
    const a = await makeUser(db, 'administrator');
    client = new NewsroomClient(app);
    assert.equal((await client.signIn(a.email)).statusCode, 303);
  }
  await client.get('/admin/api-keys');
  const res = await client.post('/admin/api-keys', { name });
  assert.equal(res.statusCode, 200);
  const key = parse(res.body).querySelector('#new-key-value')?.getAttribute('value');
  assert.ok(key, 'the new key is shown');
  return { key, admin: client };
}

/** A GET of the read API with a key (Bearer), parsed. */
export async function apiGet(app: FastifyInstance, url: string, key: string | undefined, headers: Record<string, string> = {}): Promise<{ status: number; body: any; res: LightMyRequestResponse }> {
  const res = await app.inject({ method: 'GET', url, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } });
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = res.body;
  }
  return { status: res.statusCode, body, res };
}
