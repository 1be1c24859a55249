// The newsroom's browser scripts in Chromium, on a small harness served by node:http under the
// site's strict Content-Security-Policy (a CSP violation fails the test).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../../e2e/support/browser.js';
import { buildAdminBundles, type AdminAsset } from '../../src/admin-client/bundle.js';
import { CONTENT_SECURITY_POLICY } from '../../src/http/plugins/security-headers.js';
import { sanitizeBody } from '../../src/modules/content/body-html.js';

const SHOTS = 'test-output/screenshots';
const TOKEN = 'test-csrf-token';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#3a7"/></svg>';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function page(title: string, lang: string, dir: string, body: string, scripts: string[]): string {
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${title}</title>
<meta name="csrf-token" content="${TOKEN}"><link rel="stylesheet" href="/admin/assets/editor.css">
${scripts.map((s) => `<script src="/admin/assets/${s}" defer></script>`).join('')}</head><body>${body}</body></html>`;
}

function editorPage(dir: 'ltr' | 'rtl', initial = ''): string {
  const lang = dir === 'rtl' ? 'fa' : 'en';
  return page('Editor', lang, dir, `<main><form method="post" action="/save">
<label for="body">${dir === 'rtl' ? 'متن' : 'Body'}</label>
<textarea id="body" name="bodyHtml" data-rich-editor dir="${dir}" lang="${lang}" rows="10" required>${esc(initial)}</textarea>
<button type="submit">Save</button></form></main>`, ['admin.js', 'editor.js']);
}

const UPLOAD_PAGE = page('Upload', 'en', 'ltr', `<main><form data-media-upload action="/admin/media" method="post" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="${TOKEN}"><div data-drop-zone><label for="f">Files</label> <input id="f" type="file" name="file" multiple></div>
<button type="submit">Upload</button><ul data-upload-list></ul></form></main>`, ['admin.js']);

const SORT_PAGE = page('Menu', 'en', 'ltr', `<main><form method="post" action="/save" data-confirm="Save the order?"><ol data-sortable>
${['a', 'b', 'c'].map((id) => `<li data-id="${id}"><span data-item-label>Item ${id}</span><input type="hidden" name="order" value="${id}">
<button type="submit" name="move" value="up:${id}">Move up</button><button type="submit" name="move" value="down:${id}">Move down</button></li>`).join('')}
</ol><p><input type="checkbox" id="all" data-select-all><label for="all">All</label>
<input type="checkbox" name="ids" value="1" aria-label="1"><input type="checkbox" name="ids" value="2" aria-label="2"></p><button type="submit">Save</button></form></main>`, ['admin.js']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the newsroom scripts in Chromium', { skip: browserSkipReason() }, () => {
  let server: Server;
  let browser: Browser;
  let base: string;
  let assets: Map<string, AdminAsset>;
  const mediaQueries: string[] = [];
  let lastSaved: URLSearchParams | undefined;

  before(async () => {
    const started = performance.now();
    assets = await buildAdminBundles();
    console.log(`# admin bundles built in ${Math.round(performance.now() - started)} ms`);
    server = createServer((req: IncomingMessage, res: ServerResponse) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, type: string, body: string | Buffer): void => {
      res.writeHead(status, { 'content-type': type, 'content-security-policy': CONTENT_SECURITY_POLICY });
      res.end(body);
    };
    const html = (body: string): void => send(200, 'text/html; charset=utf-8', body);
    if (url.pathname.startsWith('/admin/assets/')) {
      const asset = assets.get(url.pathname.slice('/admin/assets/'.length));
      return asset ? send(200, asset.contentType, asset.body) : send(404, 'text/plain', 'no');
    }
    if (url.pathname === '/editor') return html(editorPage(url.searchParams.get('dir') === 'rtl' ? 'rtl' : 'ltr', url.searchParams.get('initial') ?? ''));
    if (url.pathname === '/upload') return html(UPLOAD_PAGE);
    if (url.pathname === '/sort') return html(SORT_PAGE);
    if (url.pathname === '/media/photo.svg') return send(200, 'image/svg+xml', SVG);
    if (url.pathname === '/admin/api/media') {
      mediaQueries.push(url.search);
      return send(200, 'application/json', JSON.stringify({ items: [{ id: 7, url: '/media/photo.svg', alt: 'A green square', width: 40, height: 30 }] }));
    }
    if (url.pathname === '/save' && req.method === 'POST') {
      lastSaved = new URLSearchParams((await readBody(req)).toString('utf8'));
      return html(page('Saved', 'en', 'ltr', '<p>Saved</p>', []));
    }
    if (url.pathname === '/admin/media' && req.method === 'POST') {
      const body = (await readBody(req)).toString('latin1');
      if (url.searchParams.get('format') !== 'json' || req.headers['x-csrf-token'] !== TOKEN) return send(403, 'application/json', '{"error":{"code":"csrf","message":"Bad token"}}');
      if (body.includes('filename="bad.exe"')) return send(400, 'application/json', JSON.stringify({ error: { code: 'unsupported_type', message: 'This kind of file cannot be uploaded.' } }));
      return send(201, 'application/json', JSON.stringify({ item: { id: 'm1', url: '/media/photo.svg' } }));
    }
    if (url.pathname === '/favicon.ico' || url.pathname === '/media/clip.mp4') return send(204, 'text/plain', '');
    send(404, 'text/plain', 'not found');
  }

  /** Opens a harness page; any console error (CSP violations included) fails the test at close. */
  async function open(path: string, width = 1100): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      // The upload test's 400 is logged by Chromium as a failed resource; that one is expected.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource: the server responded with a status of 400')) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base + path);
    return { page, errors };
  }
  async function close(p: { page: Page; errors: string[] }): Promise<void> {
    await p.page.context().close();
    assert.deepEqual(p.errors, []);
  }
  const textarea = (page: Page): Promise<string> => page.locator('textarea[name="bodyHtml"]').inputValue();
  const button = (page: Page, name: string) => page.getByRole('toolbar').getByRole('button', { name, exact: true });

  it('writes a heading, a list and references into the textarea as allowlisted HTML', async () => {
    const p = await open('/editor');
    const { page } = p;
    assert.equal(await page.locator('textarea[name="bodyHtml"]').isHidden(), true);
    const editor = page.getByRole('textbox', { name: 'Body' });
    await editor.click();
    await page.keyboard.type('Title');
    await button(page, 'H2 heading').click();
    assert.equal(await button(page, 'H2 heading').getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await button(page, 'Bulleted list').click();
    await page.keyboard.type('First point');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Second point');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Intro ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('text');
    await page.keyboard.press('Control+b');
    const answers = ['Source one', 'Source zero'];
    page.on('dialog', (d) => void d.accept(answers.shift()));
    await button(page, '[n] Add reference').click();
    assert.equal(
      await textarea(page),
      '<h2>Title</h2><ul><li><p>First point</p></li><li><p>Second point</p></li></ul><p>Intro <strong>text</strong><sup id="ref-mark-1"><a href="#ref-1">[1]</a></sup></p><ol class="references"><li id="ref-1">Source one</li></ol>',
    );
    // A reference earlier in the text takes number 1; the other moves to 2, list order follows.
    await editor.getByText('Title').click();
    await page.keyboard.press('End');
    await button(page, '[n] Add reference').click();
    const html = await textarea(page);
    assert.equal(
      html,
      '<h2>Title<sup id="ref-mark-1"><a href="#ref-1">[1]</a></sup></h2><ul><li><p>First point</p></li><li><p>Second point</p></li></ul><p>Intro <strong>text</strong><sup id="ref-mark-2"><a href="#ref-2">[2]</a></sup></p><ol class="references"><li id="ref-1">Source zero</li><li id="ref-2">Source one</li></ol>',
    );
    assert.equal(sanitizeBody(html), html, 'the sanitizer keeps everything the editor makes');
    // Undo removes the marker and its entry in one step, and numbering follows.
    await page.keyboard.press('Control+z');
    assert.match(await textarea(page), /<p>Intro <strong>text<\/strong><sup id="ref-mark-1"><a href="#ref-1">\[1\]<\/a><\/sup><\/p><ol class="references"><li id="ref-1">Source one<\/li><\/ol>$/);
    await page.screenshot({ path: `${SHOTS}/admin-editor-ltr.png` });
    // The form submits the editor's HTML even though the textarea was `required` and hidden.
    const expected = await textarea(page);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(`${base}/save`);
    assert.equal(lastSaved?.get('bodyHtml'), expected);
    await close(p);
  });

  it('mirrors the editor for a right-to-left textarea and keeps existing references', async () => {
    const initial = '<p>سلام<sup id="ref-mark-1"><a href="#ref-1">[1]</a></sup> دنیا</p><ol class="references"><li id="ref-1">منبع</li></ol>';
    const p = await open(`/editor?dir=rtl&initial=${encodeURIComponent(initial)}`);
    const { page } = p;
    const editor = page.getByRole('textbox', { name: 'متن' });
    assert.equal(await editor.getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('.rich-editor').getAttribute('dir'), 'rtl');
    const first = await button(page, 'Paragraph').boundingBox();
    const second = await button(page, 'H2 heading').boundingBox();
    assert.ok(first && second && first.x > second.x, 'toolbar runs right to left');
    // Arrow keys follow the visual direction: ArrowLeft goes to the next button in RTL.
    await button(page, 'Paragraph').focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'H2 heading');
    await editor.click();
    await page.keyboard.press('Control+End');
    assert.equal(await page.locator('textarea[name="bodyHtml"]').inputValue(), initial);
    await page.screenshot({ path: `${SHOTS}/admin-editor-rtl.png` });
    await close(p);
  });

  it('inserts an image chosen in the media dialog, and shows the HTML source on demand', async () => {
    const p = await open('/editor');
    const { page } = p;
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.type('Before');
    await button(page, 'Image from the media library').click();
    const dialog = page.getByRole('dialog', { name: 'Insert an image' });
    await dialog.waitFor();
    await page.screenshot({ path: `${SHOTS}/admin-editor-image-dialog.png` });
    await dialog.getByRole('button', { name: 'A green square' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.ok(mediaQueries.some((q) => new URLSearchParams(q).get('kind') === 'image'));
    // The textarea follows the editor on its next update: wait for it rather than race it on a busy machine.
    await page.waitForFunction(() => (document.querySelector('textarea[name="bodyHtml"]') as HTMLTextAreaElement).value.includes('<img'));
    assert.equal(await textarea(page), '<p>Before</p><img src="/media/photo.svg" alt="A green square" width="40" height="30">');
    await button(page, 'HTML source').click();
    assert.equal(await button(page, 'HTML source').getAttribute('aria-pressed'), 'true');
    const source = page.locator('textarea[name="bodyHtml"]');
    assert.equal(await source.isVisible(), true);
    await source.fill('<p>Edited <em>by hand</em></p>');
    await button(page, 'HTML source').click();
    assert.equal(await page.getByRole('textbox', { name: 'Body' }).innerText(), 'Edited by hand');
    assert.equal(await textarea(page), '<p>Edited <em>by hand</em></p>');

    // A link: javascript: is refused, https is kept without target/rel/class.
    await page.getByRole('textbox', { name: 'Body' }).getByText('by hand').dblclick();
    const answers = ['javascript:alert(1)', 'https://example.org/a'];
    const seen: string[] = [];
    page.on('dialog', (d) => {
      seen.push(d.type());
      void (d.type() === 'prompt' ? d.accept(answers.shift()) : d.accept());
    });
    await button(page, 'Link').click();
    assert.deepEqual(seen, ['prompt', 'alert']);
    assert.equal(await textarea(page), '<p>Edited <em>by hand</em></p>');
    await button(page, 'Link').click();
    assert.match(await textarea(page), /<a href="https:\/\/example\.org\/a">/);
    assert.equal(await button(page, 'Remove link').getAttribute('aria-disabled'), 'false');
    await button(page, 'Remove link').click();
    assert.equal(await textarea(page), '<p>Edited <em>by hand</em></p>');

    // A video by address.
    await page.keyboard.press('Control+End');
    await button(page, 'Video').click();
    const videoDialog = page.getByRole('dialog', { name: 'Insert a video' });
    await videoDialog.getByLabel('Or the address of an MP4 or WebM file').fill('/media/clip.mp4');
    await videoDialog.getByRole('button', { name: 'Insert' }).click();
    await videoDialog.waitFor({ state: 'detached' });
    const html = await textarea(page);
    assert.equal(html, '<p>Edited <em>by hand</em></p><video src="/media/clip.mp4" controls="" preload="metadata"></video>');
    assert.equal(sanitizeBody(html), html.replace('controls=""', 'controls'), 'the sanitizer keeps it (writing the boolean attribute bare)');
    await close(p);
  });

  it('uploads each file with its own progress bar and shows the server error for a 400', async () => {
    const p = await open('/upload');
    const { page } = p;
    await page.locator('input[type="file"]').setInputFiles([
      { name: 'good.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(200_000, 1) },
      { name: 'bad.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    ]);
    const list = page.locator('[data-upload-list]');
    assert.equal(await list.getAttribute('aria-live'), 'polite');
    await list.getByText('bad.exe was not uploaded: This kind of file cannot be uploaded.').waitFor();
    const link = list.getByRole('link', { name: 'Open good.jpg' });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), '/admin/media/m1');
    assert.equal(await list.locator('progress').count(), 1, 'the finished upload keeps its full bar, the failed one loses it');
    assert.equal(await list.locator('progress').getAttribute('value'), '100');
    await close(p);
  });

  it('reorders a sortable list with "Move down", selects all, and asks before submitting', async () => {
    const p = await open('/sort');
    const { page } = p;
    const order = (): Promise<string[]> => page.locator('input[name="order"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await page.locator('li[data-id="a"]').getByRole('button', { name: 'Move down' }).click();
    assert.deepEqual(await order(), ['b', 'a', 'c']);
    assert.equal(page.url(), `${base}/sort`, 'the move did not post');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('value')), 'down:a', 'focus stays on the button');
    assert.equal(await page.getByRole('status').textContent(), 'Item a: position 2 of 3');
    await page.locator('li[data-id="c"]').getByRole('button', { name: 'Move up' }).click();
    assert.deepEqual(await order(), ['b', 'c', 'a']);

    await page.getByLabel('All').check();
    assert.deepEqual(await page.locator('input[name="ids"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked)), [true, true]);
    await page.getByLabel('1', { exact: true }).uncheck();
    assert.equal(await page.getByLabel('All').evaluate((e) => (e as HTMLInputElement).indeterminate), true);

    page.once('dialog', (d) => void d.dismiss());
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForTimeout(200);
    assert.equal(page.url(), `${base}/sort`, 'refused: no submit');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(`${base}/save`);
    assert.deepEqual(lastSaved?.getAll('order'), ['b', 'c', 'a']);
    await close(p);
  });
});
