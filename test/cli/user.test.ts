import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { DIALECTS, dialectSkipReason, freshStorage } from '../support/dialects.js';
import { NewsroomClient } from '../support/newsroom.js';

function nashr(args: string[], env: Record<string, string>, input?: string) {
  const res = spawnSync(process.execPath, ['bin/nashr.js', ...args], { env: { ...process.env, ...env, NODE_ENV: 'test' }, input, encoding: 'utf8' });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

for (const dialect of DIALECTS) {
  describe(`nashr user on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let fresh: Awaited<ReturnType<typeof freshStorage>>;
    let env: Record<string, string>;
    before(async () => {
      fresh = await freshStorage(dialect);
      env = { NASHR_DATABASE_URL: fresh.url, NASHR_DATA_DIR: mkdtempSync(join(tmpdir(), 'nashr-cli-')) };
    });
    after(() => fresh?.dispose());

    it('creates an administrator who can sign in with the password given on stdin', async () => {
      const res = nashr(['user', 'create', '--email', 'Chief@Example.org', '--name', 'Chief Editor', '--role', 'administrator', '--password-stdin'], env, 'a long enough password\n');
      assert.equal(res.code, 0, res.err);
      assert.match(res.out, /created administrator chief@example\.org/i);
      assert.ok(!res.out.includes('a long enough password'), 'the password is not printed back');
      const app = await createApp(loadConfig({ NODE_ENV: 'test', ...env }), { storage: fresh.storage });
      const c = new NewsroomClient(app);
      assert.equal((await c.signIn('chief@example.org', 'a long enough password')).statusCode, 303);
      await app.close();
    });

    it('prints a generated password once, and limits a user to editions', () => {
      const res = nashr(['user', 'create', '--email', 'ar@example.org', '--role', 'editor', '--editions', 'ar'], env);
      assert.equal(res.code, 0, res.err);
      assert.match(res.out, /password \(shown only this once\): \S{16}/);
      assert.match(nashr(['user', 'list'], env).out, /ar@example\.org\teditor\tar/);
    });

    it('refuses bad arguments with a message and exit code 2, creating nobody', () => {
      for (const args of [['user'], ['user', 'create', '--role', 'editor'], ['user', 'create', '--email', 'x@example.org', '--role', 'overlord'], ['user', 'create', '--email', 'x@example.org', '--role', 'editor', '--editions', 'xx'], ['user', 'create', '--email', 'not-an-email', '--role', 'editor'], ['user', 'create', '--email', 'chief@example.org', '--role', 'editor'], ['user', 'create', '--bogus']]) {
        const res = nashr(args, env);
        assert.equal(res.code, 2, `${args.join(' ')}: ${res.err}`);
        assert.match(res.err, /^nashr: /);
      }
      assert.ok(!nashr(['user', 'list'], env).out.includes('x@example.org'));
    });
  });
}
