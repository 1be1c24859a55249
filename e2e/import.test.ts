import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { saveRedirect } from '../src/modules/redirects/index.js';
import { makeUser, TEST_PASSWORD } from '../test/support/newsroom.js';
import { openTestSite, type TestSite } from '../test/support/test-site.js';
import { axeViolations } from './support/axe.js';
import { browserSkipReason, launchBrowser } from './support/browser.js';

const SHOTS = 'test-output/screenshots';
const EXPORT = fileURLToPath(new URL('../../shared/fixtures/wxr/themeunittestdata.wordpress.xml', import.meta.url));

describe('moving a WordPress site over from the newsroom, in Chromium', { skip: browserSkipReason() }, () => {
  let site: TestSite;
  let browser: Browser;
  let base: string;
  let dataDir: string;
  let email: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'nashr-e2e-import-'));
    site = await openTestSite('sqlite', { seed: false, config: { dataDir } });
    base = await site.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
    email = (await makeUser(site.storage.db, 'administrator')).email;
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uploads an export, follows the progress bar to the report, and lists the redirects the import made', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/admin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import from WordPress' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the import form');
    await page.getByLabel('WordPress export file (WXR)').setInputFiles(EXPORT);
    await page.getByRole('button', { name: 'Start import' }).click();

    // The progress page (if the import is still running when it opens) hands over to the report by itself.
    await page.locator('#import-now, #import-report-counts').first().waitFor();
    if (await page.locator('#import-now').count()) {
      await page.screenshot({ path: `${SHOTS}/admin-import-progress-1280.png`, fullPage: true });
      if (await page.locator('#import-now').count()) assert.deepEqual(await axeViolations(page), [], 'the progress page');
    }
    await page.waitForURL(/\/admin\/import\/report$/, { timeout: 120_000 });
    await page.getByRole('heading', { name: 'Import report' }).waitFor();
    const articles = page.getByRole('region', { name: 'Counts per kind' }).getByRole('row', { name: /Articles \(posts\)/ });
    assert.match((await articles.textContent()) ?? '', /\d/);
    assert.deepEqual(await axeViolations(page), [], 'the report');
    await page.screenshot({ path: `${SHOTS}/admin-import-report-1280.png`, fullPage: true });

    await saveRedirect(site.storage.db, { from: '/2019/05/%D8%B3%D9%84%D8%A7%D9%85-%D8%AF%D9%86%DB%8C%D8%A7/', to: '/fa/سلام-دنیا/', source: 'manual' });
    await page.getByRole('link', { name: 'Redirects' }).first().click();
    await page.getByRole('heading', { name: 'Redirects' }).waitFor();
    assert.ok((await page.locator('table.redirects tbody tr').count()) > 1, 'the import made redirects');
    assert.deepEqual(await axeViolations(page), [], 'the redirects list');
    await page.screenshot({ path: `${SHOTS}/admin-redirects-1280.png`, fullPage: false });

    // A refused redirect says why, beside the field.
    await page.getByLabel('Old address', { exact: true }).fill('/loop/');
    await page.getByLabel('New address', { exact: true }).fill('/loop');
    await page.getByRole('button', { name: 'Add redirect' }).click();
    await page.getByText('would lead back to the old address').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the redirects list with an error');
    await context.close();
  });

  it('has no axe-core violations on a phone, where the tables scroll sideways', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}/admin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const id = (await site.storage.db.selectFrom('redirects').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    for (const path of ['/admin/redirects', `/admin/redirects/${id}`, '/admin/import', '/admin/import/report']) {
      await page.goto(`${base}${path}`);
      assert.deepEqual(await axeViolations(page), [], path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${path}: the page itself does not scroll sideways (${overflow}px)`);
      await page.screenshot({ path: `${SHOTS}/${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}-390.png`, fullPage: true });
    }
    await context.close();
  });
});
