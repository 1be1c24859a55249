import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import { createUser, type Role } from '../../src/modules/accounts/index.js';
import type { Db } from '../../src/storage/database.js';

export const TEST_PASSWORD = 'correct horse battery';

/** A newsroom user of the role (and editions), ready to sign in with TEST_PASSWORD. */
export async function makeUser(db: Db, role: Role, editions: string[] | null = null, email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`): Promise<{ id: number; email: string }> {
  const id = await createUser(db, { email, displayName: `Test ${role}`, role, editions, password: TEST_PASSWORD });
  return { id, email };
}

function cookiesOf(res: LightMyRequestResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.cookies) out[c.name] = c.value;
  return out;
}

/** A browser-like visitor of the newsroom: keeps its cookies and the page's CSRF token. */
export class NewsroomClient {
  cookies: Record<string, string> = {};
  csrf = '';

  constructor(readonly app: FastifyInstance) {}

  async request(opts: InjectOptions & { form?: Record<string, string | string[]> }): Promise<LightMyRequestResponse> {
    const { form, ...rest } = opts;
    const headers: Record<string, string> = { ...(rest.headers as Record<string, string>) };
    const jar = Object.entries(this.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
    if (jar) headers.cookie = jar;
    let payload = rest.payload;
    if (form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) params.append(k, one);
      payload = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await this.app.inject({ ...rest, headers, payload });
    for (const c of res.cookies) {
      if (c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    const token = res.headers['content-type']?.toString().startsWith('text/html') ? parse(res.body).querySelector('meta[name="csrf-token"]')?.getAttribute('content') : undefined;
    if (token) this.csrf = token;
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  /** POSTs a form with the CSRF token of the last page seen. */
  post(url: string, form: Record<string, string | string[]> = {}) {
    return this.request({ method: 'POST', url, form: { _csrf: this.csrf, ...form } });
  }

  async signIn(email: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/admin/sign-in');
    const res = await this.post('/admin/sign-in', { email, password });
    if (res.statusCode === 303) await this.get('/admin');
    return res;
  }
}

export { cookiesOf };
