import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addMediaContent, type MediaContent } from '../test/support/media-content.js';
import { openTestSite, type TestSite } from '../test/support/test-site.js';
import { browserSkipReason, launchBrowser } from './support/browser.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = 'test-output/screenshots';

describe('media and publication pages in Chromium', { skip: browserSkipReason() }, () => {
  let site: TestSite;
  let browser: Browser;
  let base: string;
  let en: MediaContent;
  let fa: MediaContent;

  before(async () => {
    site = await openTestSite('sqlite');
    const made = await addMediaContent(site.storage.db, site.config.dataDir, 'en');
    en = made;
    fa = await addMediaContent(site.storage.db, site.config.dataDir, 'fa', { translationOf: { gallery: made.ids.gallery } });
    base = await site.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string, options: { width?: number; javaScript?: boolean; bypassCSP?: boolean; hasTouch?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.javaScript ?? true, bypassCSP: options.bypassCSP ?? false });
    const page = await context.newPage();
    await page.goto(base + path);
    return page;
  }
  const photoPath = (prefix: string, slug: string, n: number) => `${prefix}/${slug}/photo/${n}/`;

  it('opens a photo in the viewer, moves with the arrow keys, and closes with Escape back to the photo in the grid', async () => {
    const page = await open(`/${en.gallery.slug}/`);
    await page.locator('.photo-grid a').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    await page.waitForURL(base + photoPath('', en.gallery.slug, 1));
    assert.equal(await dialog.locator('.viewer-position').textContent(), 'Photo 1 of 5');
    assert.equal(await dialog.locator('.viewer-text').textContent(), en.gallery.photos[0]!.caption);
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(base + photoPath('', en.gallery.slug, 2));
    assert.equal(await dialog.locator('.viewer-position').textContent(), 'Photo 2 of 5');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(base + photoPath('', en.gallery.slug, 2));
    assert.ok(await page.evaluate(() => document.activeElement?.closest('dialog') !== null), 'focus is inside the dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForURL(`${base}/${en.gallery.slug}/`);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-n')), '2', 'focus returns to the photo last shown');
    await page.context().close();
  });

  it('mirrors the arrow keys and swipes in right-to-left editions', async () => {
    const page = await open(`/fa/${fa.gallery.slug}/`);
    await page.locator('.photo-grid a').nth(1).click();
    await page.getByRole('dialog').waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(base + photoPath('/fa', fa.gallery.slug, 3));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(base + photoPath('/fa', fa.gallery.slug, 1));
    // A swipe to the right brings the next photo in RTL.
    await swipe(page, 100, 400);
    await page.waitForURL(base + photoPath('/fa', fa.gallery.slug, 2));
    await page.context().close();
  });

  async function swipe(page: Page, fromX: number, toX: number) {
    // No named helper inside: the page gets the function's source, without the test's build helpers.
    await page.locator('.viewer-stage').evaluate((stage, [a, b]) => {
      for (const [type, x] of [['pointerdown', a!], ['pointermove', (a! + b!) / 2], ['pointerup', b!]] as const) {
        stage.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: 300, pointerType: 'touch', bubbles: true, isPrimary: true }));
      }
    }, [fromX, toX]);
  }

  it('moves with swipes in left-to-right editions and keeps Back and Forward working', async () => {
    const page = await open(`/${en.gallery.slug}/`);
    await page.locator('.photo-grid a').first().click();
    await page.getByRole('dialog').waitFor({ state: 'visible' });
    await swipe(page, 400, 100);
    await page.waitForURL(base + photoPath('', en.gallery.slug, 2));
    await swipe(page, 300, 290);
    assert.equal(page.url(), base + photoPath('', en.gallery.slug, 2), 'a small drag is not a swipe');
    await swipe(page, 100, 400);
    await page.waitForURL(base + photoPath('', en.gallery.slug, 1));
    await page.goBack();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.waitForURL(`${base}/${en.gallery.slug}/`);
    await page.context().close();
  });

  it('walks through an album from photo page to photo page without JavaScript', async () => {
    const page = await open(`/${en.gallery.slug}/`, { javaScript: false });
    await page.locator('.photo-grid a').first().click();
    await page.waitForURL(base + photoPath('', en.gallery.slug, 1));
    await page.getByRole('link', { name: 'Next photo' }).click();
    await page.waitForURL(base + photoPath('', en.gallery.slug, 2));
    assert.equal(await page.locator('.photo-position').textContent(), 'Photo 2 of 5');
    await page.getByRole('link', { name: 'Previous photo' }).click();
    await page.waitForURL(base + photoPath('', en.gallery.slug, 1));
    await page.getByRole('link', { name: 'Back to the album' }).click();
    await page.waitForURL(`${base}/${en.gallery.slug}/`);
    await page.context().close();
  });

  it('asks nothing of YouTube or Vimeo until the reader clicks the poster, then loads only their player', async () => {
    for (const [slug, host] of [[en.videos.youtube, 'www.youtube-nocookie.com'], [en.videos.vimeo, 'player.vimeo.com'], [en.article.slug, 'www.youtube-nocookie.com']] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const hosts: string[] = [];
      page.on('request', (r) => hosts.push(new URL(r.url()).host));
      // The test answers for the player: no request leaves this machine.
      await context.route(`https://${host}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title>' }));
      await context.route('https://cdn.example.org/**', (route) => route.fulfill({ status: 404, body: '' }));
      await page.goto(`${base}/${slug}/`, { waitUntil: 'networkidle' });
      assert.deepEqual([...new Set(hosts.filter((h) => h !== 'cdn.example.org'))], [new URL(base).host], `${slug}: nothing from another host before the click`);
      // Wait for the player's own request rather than for the network to go quiet (a busy machine never quite does).
      const playerRequest = page.waitForRequest((r) => new URL(r.url()).host === host, { timeout: 60_000 });
      await page.locator('.video-embed-link').first().click();
      const frame = page.locator('.video-embed iframe');
      await frame.waitFor();
      assert.equal(new URL((await frame.getAttribute('src'))!).host, host);
      assert.ok((await frame.getAttribute('title'))!.length > 0);
      await playerRequest;
      assert.ok(hosts.includes(host), `${slug}: the player loads after the click`);
      await context.close();
    }
  });

  const pageTypes = () => [
    ['cartoons', '/cartoons/', '/fa/cartoons/'],
    ['cartoon', `/${en.cartoon.slug}/`, `/fa/${fa.cartoon.slug}/`],
    ['newspics', '/newspics/', '/fa/newspics/'],
    ['gallery-list', '/gallery/', '/fa/gallery/'],
    ['album', `/${en.gallery.slug}/`, `/fa/${fa.gallery.slug}/`],
    ['photo', photoPath('', en.gallery.slug, 2), photoPath('/fa', fa.gallery.slug, 2)],
    ['videos', '/videos/', '/fa/videos/'],
    ['video-file', `/${en.videos.file}/`, `/fa/${fa.videos.file}/`],
    ['video-youtube', `/${en.videos.youtube}/`, `/fa/${fa.videos.youtube}/`],
    ['books', '/books/', '/fa/books/'],
    ['book', `/${en.book.slug}/`, `/fa/${fa.book.slug}/`],
    ['periodical', `/${en.periodical.slug}/`, `/fa/${fa.periodical.slug}/`],
    ['issue', `/${en.issues[0]!.slug}/`, `/fa/${fa.issues[0]!.slug}/`],
    ['article-embeds', `/${en.article.slug}/`, `/fa/${fa.article.slug}/`],
  ] as const;

  it('has no axe-core accessibility violations on any media or publication page', async () => {
    for (const width of [1280, 390]) {
      for (const [, enPath, faPath] of pageTypes()) {
        for (const path of [enPath, faPath]) {
          const page = await open(path, { width, bypassCSP: true });
          await page.addScriptTag({ content: AXE });
          const violations = await page.evaluate(async () => {
            const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
            return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
          });
          assert.deepEqual(violations, [], `${path} at ${width}px`);
          await page.context().close();
        }
      }
    }
    // The open viewer too.
    const page = await open(`/${en.gallery.slug}/`, { bypassCSP: true });
    await page.locator('.photo-grid a').first().click();
    await page.getByRole('dialog').waitFor({ state: 'visible' });
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => (await (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe.run()).violations.map((v) => v.id));
    assert.deepEqual(violations, [], 'open viewer');
    await page.context().close();
  });

  it('takes screenshots of each media and publication page type at phone and desktop width, in English and Farsi', async () => {
    for (const width of [390, 1280]) {
      for (const [name, enPath, faPath] of pageTypes()) {
        for (const [lang, path] of [['en', enPath], ['fa', faPath]] as const) {
          const page = await open(path, { width });
          await page.evaluate(() => document.querySelectorAll('img').forEach((img) => (img.loading = 'eager')));
          await page.waitForLoadState('networkidle');
          await page.screenshot({ path: `${SHOTS}/media-${name}-${lang}-${width}.png`, fullPage: true });
          await page.context().close();
        }
      }
    }
    const page = await open(`/fa/${fa.gallery.slug}/`, { width: 390 });
    await page.locator('.photo-grid a').nth(1).click();
    await page.getByRole('dialog').waitFor({ state: 'visible' });
    await page.waitForFunction(() => (document.querySelector('.viewer-stage img') as HTMLImageElement | null)?.complete === true);
    assert.equal(await page.locator('.viewer-position').textContent(), 'عکس ۲ از ۵', 'the position in the edition’s digits');
    await page.screenshot({ path: `${SHOTS}/media-viewer-fa-390.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/media-viewer-fa-1280.png` });
    await page.context().close();
  });
});
