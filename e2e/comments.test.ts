import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { EditionSite } from '../src/http/site/edition-site.js';
import { ManualClock } from '../src/lib/clock.js';
import { MIN_FILL_MS } from '../src/modules/comments/index.js';
import { makeUser, TEST_PASSWORD } from '../test/support/newsroom.js';
import { openTestSite, type TestSite } from '../test/support/test-site.js';
import { axeViolations } from './support/axe.js';
import { browserSkipReason, launchBrowser } from './support/browser.js';

const SHOTS = 'test-output/screenshots';

describe('comments in Chromium', { skip: browserSkipReason() }, () => {
  let site: TestSite;
  let browser: Browser;
  let base: string;
  // The form's minimum fill time runs on the app's clock: the test moves it instead of waiting.
  const clock = new ManualClock(new Date());
  let editorEmail: string;
  let fa: EditionSite;

  before(async () => {
    site = await openTestSite('sqlite', { app: { clock }, config: { siteDataTtlMs: 0 } });
    base = await site.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
    editorEmail = (await makeUser(site.storage.db, 'editor', ['fa'])).email;
    fa = new EditionSite(site.config.editions.find((e) => e.code === 'fa')!, site.config.baseUrl);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('a reader comments on a Farsi article, a moderator approves it, and the count changes on the article and the home page', async () => {
    const db = site.storage.db;
    const row = await db.selectFrom('items').select(['id', 'slug', 'comment_count']).where('edition', '=', 'fa').where('type', '=', 'article').where('status', '=', 'published').orderBy('published_at', 'desc').executeTakeFirstOrThrow();
    const url = `${base}/fa/${encodeURIComponent(row.slug)}/`;
    const before = Number(row.comment_count);

    const readerContext = await browser.newContext({ viewport: { width: 390, height: 900 } });
    const reader = await readerContext.newPage();
    await reader.goto(url);
    assert.deepEqual(await axeViolations(reader), [], 'the article with its empty comment form, at phone width');
    await reader.getByLabel('نام', { exact: true }).fill('مریم');
    await reader.getByLabel('ایمیل', { exact: true }).fill('maryam@example.org');
    await reader.getByLabel('دیدگاه', { exact: true }).fill('گزارش خوبی بود. منبع: https://example.org/report');
    await reader.getByLabel('وقتی کسی به دیدگاهم پاسخ داد، به من ایمیل بزن').check();
    clock.advance(MIN_FILL_MS + 2000);
    await reader.getByRole('button', { name: 'فرستادن دیدگاه' }).click();
    await reader.getByRole('status').filter({ hasText: 'در انتظار بررسی' }).waitFor();
    assert.equal(await reader.locator('#comments-title').textContent(), fa.t.plural('comments', before), 'held: the count is unchanged');
    assert.equal(await reader.locator('.comment-list').count(), 0, 'nothing shown while held');
    const stored = await db.selectFrom('comments').select(['id', 'status']).where('item_id', '=', row.id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'pending');

    const modContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const mod = await modContext.newPage();
    await mod.goto(`${base}/admin`);
    await mod.getByLabel('Email').fill(editorEmail);
    await mod.getByLabel('Password').fill(TEST_PASSWORD);
    await mod.keyboard.press('Enter');
    await mod.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await mod.getByRole('link', { name: 'Comments', exact: true }).click();
    await mod.getByRole('heading', { name: 'Comments', exact: true }).waitFor();
    assert.deepEqual(await axeViolations(mod), [], 'the moderation queue');
    await mod.screenshot({ path: `${SHOTS}/admin-comments-queue.png`, fullPage: true });
    await mod.getByRole('button', { name: 'Approve: comment by مریم' }).click();
    await mod.getByText('Done.').waitFor();

    await reader.goto(url);
    const comment = reader.locator(`#comment-${stored.id}`);
    await comment.waitFor();
    assert.equal(await comment.locator('.comment-author').textContent(), 'مریم');
    assert.equal(await comment.getByRole('link', { name: 'https://example.org/report' }).getAttribute('rel'), 'nofollow ugc noopener');
    assert.equal(await reader.locator('#comments-title').textContent(), fa.t.plural('comments', before + 1));
    assert.deepEqual(await axeViolations(reader), [], 'the article with a published comment');
    await reader.screenshot({ path: `${SHOTS}/comments-fa-390.png`, fullPage: true });

    // The reply link works without script: it fills the form's parent.
    await comment.getByRole('link', { name: fa.t('replyToComment', { name: 'مریم' }) }).click();
    await reader.getByRole('heading', { name: fa.t('replyTo', { name: 'مریم' }) }).waitFor();
    assert.equal(await reader.locator('input[name=parent_id]').getAttribute('value'), String(stored.id));

    await reader.goto(`${base}/fa/`);
    const listed = reader.locator(`.comment-count[href="/fa/${encodeURIComponent(row.slug)}/#comments"]`).first();
    assert.equal(await listed.textContent(), fa.t.plural('comments', before + 1), 'the home listing counts it');
    await readerContext.close();
    await modContext.close();
  });
});
