import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ManualClock } from '../src/lib/clock.js';
import { makeUser, TEST_PASSWORD } from '../test/support/newsroom.js';
import { openTestSite, type TestSite } from '../test/support/test-site.js';
import { browserSkipReason, launchBrowser } from './support/browser.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = 'test-output/screenshots';
const TITLE = 'گزارش زمان‌بندی‌شده از نمایشگاه کتاب';

describe('the newsroom in Chromium', { skip: browserSkipReason() }, () => {
  let site: TestSite;
  let browser: Browser;
  let base: string;
  const clock = new ManualClock(new Date());
  const people: Record<string, string> = {};
  let imagePath: string;

  before(async () => {
    site = await openTestSite('sqlite', { app: { clock }, config: { schedulerIntervalMs: 200 } });
    base = await site.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
    for (const [role, editions] of [['administrator', null], ['contributor', null], ['editor', ['ar']]] as const) {
      people[role] = (await makeUser(site.storage.db, role, editions ? [...editions] : null)).email;
    }
    imagePath = join(tmpdir(), `nashr-e2e-${process.pid}.png`);
    await sharp({ create: { width: 1200, height: 700, channels: 3, background: '#457b9d' } }).png().toFile(imagePath);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  async function signedIn(role: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/admin`);
    await page.getByLabel('Email').fill(people[role]!);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    return { context, page };
  }

  async function publicFaHome(): Promise<string> {
    const res = await fetch(`${base}/fa/`);
    return res.text();
  }

  let articleId = 0;

  it('writes a Farsi article with an uploaded image, scheduled a minute ahead, that appears on the Farsi home on time', async () => {
    const { context, page } = await signedIn('administrator');
    await page.goto(`${base}/admin/media`);
    await page.locator('input[type=file]').setInputFiles(imagePath);
    await page.locator('[data-upload-list] a').first().waitFor({ timeout: 60_000 });
    const media = await site.storage.db.selectFrom('media').select(['id']).orderBy('id', 'desc').executeTakeFirstOrThrow();

    await page.goto(`${base}/admin/items/new?edition=fa&type=article`);
    assert.equal(await page.locator('.ProseMirror').getAttribute('dir'), 'rtl', 'the body editor is right-to-left');
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('متن گزارش درباره نمایشگاه کتاب.');
    await page.getByLabel('Featured image').selectOption(String(media.id));
    await page.getByLabel('Status', { exact: true }).selectOption('published');
    const soon = new Date(clock.now().getTime() + 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Publish date (UTC)').fill(soon);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Created.').waitFor();
    articleId = Number(new URL(page.url()).pathname.split('/').pop());
    const row = await site.storage.db.selectFrom('items').select(['status', 'featured_media_id']).where('id', '=', articleId).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'scheduled', featured_media_id: media.id });
    await new Promise((r) => setTimeout(r, site.config.siteDataTtlMs + 300));
    assert.ok(!(await publicFaHome()).includes(TITLE), 'not before its time');

    clock.advance(61_000);
    let shown = false;
    for (let i = 0; i < 40 && !shown; i++) {
      await new Promise((r) => setTimeout(r, 100));
      shown = (await publicFaHome()).includes(TITLE);
    }
    assert.ok(shown, 'published by the scheduler and shown on the Farsi home');
    await context.close();
  });

  it('lets a contributor submit for review but not publish, even by forging the form', async () => {
    const { context, page } = await signedIn('contributor');
    await page.goto(`${base}/admin/items/new?edition=en&type=article`);
    const options = await page.getByLabel('Status', { exact: true }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    assert.deepEqual(options, ['draft', 'pending']);
    await page.getByLabel('Title', { exact: true }).fill('A contributor’s draft');
    // Forge the choice the form does not offer.
    await page.getByLabel('Status', { exact: true }).evaluate((s) => {
      const o = document.createElement('option');
      o.value = 'published';
      s.appendChild(o);
      (s as HTMLSelectElement).value = 'published';
    });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    const saved = await site.storage.db.selectFrom('items').select('id').where('title', '=', 'A contributor’s draft').execute();
    assert.equal(saved.length, 0);
    await context.close();
  });

  it('keeps an Arabic-only editor out of a Farsi draft', async () => {
    const admin = await signedIn('administrator');
    await admin.page.goto(`${base}/admin/items/new?edition=fa&type=article`);
    await admin.page.getByLabel('Title', { exact: true }).fill('پیش‌نویس فارسی');
    await admin.page.getByRole('button', { name: 'Save', exact: true }).click();
    await admin.page.getByText('Created.').waitFor();
    const draftUrl = new URL(admin.page.url()).pathname;
    await admin.context.close();

    const { context, page } = await signedIn('editor');
    const res = await page.goto(`${base}${draftUrl}`);
    assert.equal(res?.status(), 404);
    await page.goto(`${base}/admin/items?edition=fa`);
    assert.ok(!(await page.content()).includes('پیش‌نویس فارسی'));
    await context.close();
  });

  it('restores an older revision', async () => {
    const { context, page } = await signedIn('administrator');
    await page.goto(`${base}/admin/items/${articleId}`);
    await page.getByLabel('Title', { exact: true }).fill('عنوان تازه');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('link', { name: 'Revisions' }).click();
    await page.getByRole('button', { name: 'Restore' }).last().click();
    await page.getByText('The revision was restored').waitFor();
    assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), TITLE);
    await context.close();
  });

  let galleryId = 0;

  it('fills a Farsi gallery: uploads two photos at once, captions one, moves it up, saves', async () => {
    const { context, page } = await signedIn('administrator');
    const second = join(tmpdir(), `nashr-e2e-${process.pid}-2.png`);
    await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#e9c46a' } }).png().toFile(second);
    await page.goto(`${base}/admin/items/new?edition=fa&type=gallery`);
    await page.getByLabel('Title', { exact: true }).fill('گالری بهار');
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await page.getByText('Created.').waitFor();
    galleryId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.locator('#photo-files').setInputFiles([imagePath, second]);
    const rows = page.locator('ol[data-photo-list] > li');
    await rows.nth(1).waitFor({ timeout: 60_000 });
    assert.equal(await rows.count(), 2);
    const uploaded = (await site.storage.db.selectFrom('gallery_photos').select('media_id').where('item_id', '=', galleryId).orderBy('position').execute()).map((r) => r.media_id);
    assert.equal(uploaded.length, 2, 'the uploads joined the gallery');
    const lastId = await rows.nth(1).locator('input[data-photo-id]').inputValue();
    await rows.nth(1).getByLabel('Caption').fill('شکوفه‌ها');
    await rows.nth(1).getByRole('button', { name: 'Move up' }).click();
    assert.equal(await rows.nth(0).locator('input[data-photo-id]').inputValue(), lastId, 'moved in place, without a reload');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await page.getByText('Saved.').waitFor();
    const saved = await site.storage.db.selectFrom('gallery_photos').select(['media_id', 'caption']).where('item_id', '=', galleryId).orderBy('position').execute();
    assert.deepEqual(saved.map((r) => String(r.media_id)), [lastId, String(uploaded.find((m) => String(m) !== lastId))]);
    assert.equal(saved[0]!.caption, 'شکوفه‌ها');
    await context.close();
  });

  it('adds and removes "Inside this issue" entries of a Farsi issue', async () => {
    const { context, page } = await signedIn('administrator');
    await page.goto(`${base}/admin/items/new?edition=fa&type=periodical`);
    await page.getByLabel('Title', { exact: true }).fill('خبرنامه');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Created.').waitFor();
    await page.getByRole('link', { name: 'New issue' }).click();
    await page.getByLabel('Title', { exact: true }).fill('شماره ۷');
    await page.getByLabel('Number', { exact: true }).fill('7');
    const entries = page.locator('ol[data-repeat-rows] > li');
    assert.equal(await entries.count(), 3);
    await page.getByRole('button', { name: 'Add an entry' }).click();
    assert.equal(await entries.count(), 4);
    await entries.nth(3).getByLabel('Entry title').fill('گفت‌وگو');
    await entries.nth(0).getByLabel('Entry title').fill('سرمقاله');
    await entries.nth(1).getByRole('button', { name: 'Remove entry' }).click();
    assert.equal(await entries.count(), 3);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Created.').waitFor();
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const row = await site.storage.db.selectFrom('items').select(['details', 'parent_id']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(row.details).contents, [{ title: 'سرمقاله', itemId: null }, { title: 'گفت‌وگو', itemId: null }]);
    await context.close();
  });

  it('has no axe-core violations on newsroom pages at phone and desktop width, and they can be used with the keyboard', async () => {
    const issue = await site.storage.db.selectFrom('items').select(['id', 'parent_id']).where('type', '=', 'issue').where('edition', '=', 'fa').orderBy('id', 'desc').executeTakeFirst();
    const paths = ['/admin', '/admin/items?type=article', `/admin/items/${articleId}`, '/admin/items/new?edition=en&type=page', '/admin/media',
      `/admin/items/${articleId}/revisions`, '/admin/users', '/admin/users/new', '/admin/settings', '/admin/menus?edition=fa', '/admin/account',
      // the editor of every type, LTR and RTL; a gallery with photos, a periodical with its issues
      '/admin/items/new?edition=en&type=cartoon', '/admin/items/new?edition=fa&type=newspic', '/admin/items/new?edition=en&type=video', '/admin/items/new?edition=fa&type=video',
      '/admin/items/new?edition=en&type=book', '/admin/items/new?edition=fa&type=book', '/admin/items/new?edition=en&type=periodical', '/admin/items/new?edition=en&type=issue',
      '/admin/items/new?edition=en&type=gallery', '/admin/items?type=gallery', '/admin/comments', '/admin/comments?status=all',
      ...(galleryId ? [`/admin/items/${galleryId}`] : []), ...(issue ? [`/admin/items/${issue.id}`, `/admin/items/${issue.parent_id}`] : [])];
    // The contact inbox, listing and showing a message.
    const message = await site.storage.db.insertInto('contact_messages')
      .values({ edition: 'fa', name: 'مریم', email: 'maryam@example.org', subject: 'پرسش درباره کتاب', body: 'سلام\nکتاب را کجا می‌توانم بخرم؟', created_at: new Date().toISOString(), ip: '10.0.0.1' })
      .returning('id').executeTakeFirstOrThrow();
    paths.push('/admin/inbox', `/admin/inbox/${message.id}`);
    for (const width of [1280, 390]) {
      const { context, page } = await signedIn('administrator', width);
      for (const path of paths) {
        await page.goto(`${base}${path}`);
        await page.addScriptTag({ content: AXE }).catch(() => undefined);
        const violations = await page.evaluate(async (source) => {
          const w = window as unknown as { axe?: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
          if (!w.axe) new Function(source)();
          const result = await w.axe!.run();
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        }, AXE);
        assert.deepEqual(violations, [], `${path} at ${width}px`);
        await page.screenshot({ path: `${SHOTS}/admin-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}-${width}.png`, fullPage: true });
      }
      // The keyboard reaches the menu and the first form control, with a visible focus.
      await page.goto(`${base}/admin/items?type=article`);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, outline: getComputedStyle(document.activeElement!).outlineStyle }));
      assert.notEqual(focused.tag, 'BODY');
      assert.notEqual(focused.outline, 'none');
      await context.close();
    }
  });
});
