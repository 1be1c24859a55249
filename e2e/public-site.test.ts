import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoEditions } from '../src/modules/demo/editions/index.js';
import { openTestSite, type TestSite } from '../test/support/test-site.js';
import { browserSkipReason, launchBrowser } from './support/browser.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = 'test-output/screenshots';
const en = demoEditions.en!;
const fa = demoEditions.fa!;

describe('the public site in Chromium', { skip: browserSkipReason() }, () => {
  let site: TestSite;
  let browser: Browser;
  let base: string;

  before(async () => {
    site = await openTestSite('sqlite');
    base = await site.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string, options: { width?: number; javaScript?: boolean; bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.javaScript ?? true, bypassCSP: options.bypassCSP ?? false });
    const page = await context.newPage();
    await page.goto(base + path);
    return page;
  }

  it('opens a sub-menu from the keyboard and closes it with Escape', async () => {
    const page = await open('/');
    const media = page.getByRole('button', { name: en.menu.media });
    await media.focus();
    await page.keyboard.press('Enter');
    await assert.doesNotReject(page.getByRole('link', { name: en.menu.cartoons }).waitFor({ state: 'visible' }));
    assert.equal(await media.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), en.menu.cartoons);
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: en.menu.cartoons }).waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), en.menu.media);
    await page.context().close();
  });

  it('opens a sub-menu on hover', async () => {
    const page = await open('/');
    await page.getByRole('button', { name: en.menu.publications }).hover();
    await page.getByRole('link', { name: en.menu.books }).waitFor({ state: 'visible' });
    await page.context().close();
  });

  it('folds the menu behind a button on a phone, with and without JavaScript', async () => {
    for (const javaScript of [true, false]) {
      const page = await open('/', { width: 390, javaScript });
      const articles = page.locator('#site-nav').getByRole('link', { name: en.menu.articles });
      assert.equal(await articles.isVisible(), false, 'menu hidden at first');
      await page.getByRole(javaScript ? 'button' : 'link', { name: 'Menu' }).click();
      await articles.waitFor({ state: 'visible' });
      await articles.click();
      await page.waitForURL(`${base}/articles/`);
      await page.context().close();
    }
  });

  it('opens sub-menus on keyboard focus without JavaScript', async () => {
    const page = await open('/', { javaScript: false });
    await page.getByRole('button', { name: en.menu.media }).focus();
    await page.getByRole('link', { name: en.menu.newspics }).waitFor({ state: 'visible' });
    await page.context().close();
  });

  it('mirrors the layout in right-to-left editions', async () => {
    for (const [path, rtl] of [['/', false], ['/fa/', true], ['/ar/', true]] as const) {
      const page = await open(path);
      const main = await page.locator('main').boundingBox();
      const sidebar = await page.locator('.sidebar').boundingBox();
      assert.equal(sidebar!.x < main!.x, rtl, `${path}: sidebar on the ${rtl ? 'left' : 'right'}`);
      await page.context().close();
    }
  });

  it('requests nothing from any other host', async () => {
    for (const path of ['/', `/${en.articles[0]!.slug}/`, `/fa/${encodeURIComponent(fa.articles[0]!.slug)}/`]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const hosts = new Set<string>();
      page.on('request', (r) => hosts.add(new URL(r.url()).host));
      await page.goto(base + path, { waitUntil: 'networkidle' });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      assert.deepEqual([...hosts], [new URL(base).host], path);
      await context.close();
    }
  });

  it('loads the Persian font for Farsi text and shows no broken images', async () => {
    const page = await open(`/fa/${encodeURIComponent(fa.articles[0]!.slug)}/`);
    await page.evaluate(() => document.fonts.ready);
    assert.ok(await page.evaluate(() => document.fonts.check('16px Vazirmatn', 'ک')));
    const broken = await page.$$eval('img', (imgs) => imgs.filter((i) => i.complete && i.naturalWidth === 0 && i.loading !== 'lazy').length);
    assert.equal(broken, 0);
    await page.context().close();
  });

  it('has no axe-core accessibility violations', async () => {
    const paths = ['/', `/${en.articles[0]!.slug}/`, `/category/${en.categories[0]!.slug}/`, '/fa/', `/fa/${encodeURIComponent(fa.articles[0]!.slug)}/`, '/ar/', '/sq/', '/cartoons/', '/no-such-page/', '/search?q=water',
      `/${en.pages.contact.slug}/`, `/fa/${encodeURIComponent(fa.pages.contact.slug)}/`, `/fa/${encodeURIComponent(fa.pages.contact.slug)}/?sent=1`];
    for (const width of [1280, 390]) {
      for (const path of paths) {
        // The page's own CSP rightly refuses injected script; axe is the test's, not the page's.
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
  });

  it('takes screenshots of each page type at phone and desktop width, LTR and RTL', async () => {
    const pages: [string, string][] = [
      ['home-en', '/'],
      ['home-fa', '/fa/'],
      ['article-en', `/${en.articles[2]!.slug}/`],
      ['article-ar', `/ar/${encodeURIComponent(demoEditions.ar!.articles[2]!.slug)}/`],
      ['category-fa', `/fa/category/${encodeURIComponent(fa.categories[0]!.slug)}/`],
      ['page-sq', '/sq/'],
      ['not-found-fa', '/fa/missing/'],
    ];
    for (const width of [390, 1280]) {
      for (const [name, path] of pages) {
        const page = await open(path, { width });
        await page.evaluate(() => document.querySelectorAll('img').forEach((img) => (img.loading = 'eager')));
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
        await page.context().close();
      }
    }
  });
});
