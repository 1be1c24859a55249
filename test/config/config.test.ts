import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { defaultEditions } from '../../src/modules/editions/index.js';

describe('configuration', () => {
  it('defaults to port 8080 and SQLite in ./data', () => {
    const c = loadConfig({});
    assert.equal(c.port, 8080);
    assert.equal(c.dataDir, resolve('./data'));
    assert.equal(c.databaseUrl, `sqlite:${join(resolve('./data'), 'nashr.sqlite')}`);
    assert.deepEqual(c.editions.map((e) => e.code), ['en', 'ar', 'fa', 'sq']);
    assert.ok(Object.isFrozen(c));
  });

  it('takes PORT, HOST, NASHR_DATA_DIR, NASHR_DATABASE_URL and NODE_ENV from the environment', () => {
    const c = loadConfig({ PORT: '9000', HOST: '127.0.0.1', NASHR_DATA_DIR: '/srv/nashr', NASHR_DATABASE_URL: 'postgres://db/nashr', NODE_ENV: 'production' });
    assert.deepEqual([c.port, c.host, c.dataDir, c.databaseUrl, c.env], [9000, '127.0.0.1', '/srv/nashr', 'postgres://db/nashr', 'production']);
  });

  it('limits uploads to 20 MB unless NASHR_UPLOAD_MAX_BYTES says otherwise', () => {
    assert.equal(loadConfig({}).uploadMaxBytes, 20 * 1024 * 1024);
    assert.equal(loadConfig({ NASHR_UPLOAD_MAX_BYTES: '1048576' }).uploadMaxBytes, 1048576);
    assert.throws(() => loadConfig({ NASHR_UPLOAD_MAX_BYTES: '0' }), /NASHR_UPLOAD_MAX_BYTES/);
    assert.throws(() => loadConfig({ NASHR_UPLOAD_MAX_BYTES: 'lots' }), /NASHR_UPLOAD_MAX_BYTES/);
  });

  it('sends no mail unless NASHR_SMTP_URL names an SMTP server', () => {
    const off = loadConfig({ NASHR_BASE_URL: 'https://news.example' });
    assert.equal(off.smtpUrl, undefined);
    assert.equal(off.mailFrom, 'nashr <no-reply@news.example>');
    assert.equal(off.mailIntervalMs, 10_000);
    assert.equal(loadConfig({ NASHR_SMTP_URL: '' }).smtpUrl, undefined);
    const on = loadConfig({ NASHR_SMTP_URL: 'smtp://user:pass@mail.example.org:587', NASHR_MAIL_FROM: 'Desk <desk@example.org>', NASHR_MAIL_INTERVAL_MS: '500' });
    assert.deepEqual([on.smtpUrl, on.mailFrom, on.mailIntervalMs], ['smtp://user:pass@mail.example.org:587', 'Desk <desk@example.org>', 500]);
    assert.throws(() => loadConfig({ NASHR_SMTP_URL: 'http://mail.example.org' }), /NASHR_SMTP_URL/);
    assert.throws(() => loadConfig({ NASHR_MAIL_INTERVAL_MS: '5' }), /NASHR_MAIL_INTERVAL_MS/);
  });

  it('fails fast with a clear message on bad values', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /invalid configuration: PORT/);
    assert.throws(() => loadConfig({ NODE_ENV: 'staging' }), /NODE_ENV/);
  });

  it('reads editions from NASHR_EDITIONS_FILE: adding an edition is configuration', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nashr-cfg-')), 'editions.json');
    const tr = { code: 'tr', name: 'Turkish', nativeName: 'Türkçe', dir: 'ltr', locale: 'tr-TR', prefix: '/tr', title: 'Nashr', uiLocale: 'en' };
    writeFileSync(file, JSON.stringify([...defaultEditions, tr]));
    const c = loadConfig({ NASHR_EDITIONS_FILE: file });
    assert.equal(c.editions.length, 5);
    assert.equal(c.editions[4]!.calendar, 'gregory');
  });
});
