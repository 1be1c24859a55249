import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { issueFormToken, siteSecret } from '../src/modules/contact/index.js';
import { demoEditions } from '../src/modules/demo/editions/index.js';
import { makeUser, TEST_PASSWORD } from '../test/support/newsroom.js';
import { mailText, startTestSmtp, type TestSmtp } from '../test/support/smtp.js';
import { openTestSite, type TestSite } from '../test/support/test-site.js';
import { browserSkipReason, launchBrowser } from './support/browser.js';

describe('the contact form in Chromium', { skip: browserSkipReason() }, () => {
  let site: TestSite;
  let smtp: TestSmtp;
  let browser: Browser;
  let base: string;

  before(async () => {
    smtp = await startTestSmtp();
    site = await openTestSite('sqlite', { config: { smtpUrl: smtp.url, mailIntervalMs: 100 } });
    base = await site.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await smtp?.close();
  });

  it('a reader’s message is confirmed in Farsi, arrives in the newsroom inbox and as mail', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/fa/${encodeURIComponent(demoEditions.fa!.pages.contact.slug)}/`);
    await page.getByLabel('نام شما').fill('مریم');
    await page.getByLabel('نشانی ایمیل شما').fill('maryam@example.org');
    await page.getByLabel('موضوع (اختیاری)').fill('پرسش درباره کتاب');
    await page.getByLabel('پیام شما').fill('سلام، کتاب را کجا می‌توانم بخرم؟');
    // A person takes longer than the minimum fill time; stand in for those seconds with the token such a form would carry.
    const aged = issueFormToken(await siteSecret(site.storage.db), 'contact:fa', new Date(Date.now() - 20_000));
    await page.locator('input[name="token"]').evaluate((el, value) => ((el as HTMLInputElement).value = value), aged);
    await page.getByRole('button', { name: 'فرستادن پیام' }).click();
    await page.getByRole('heading', { name: 'سپاسگزاریم. پیام شما فرستاده شد.' }).waitFor();

    const [mail] = await smtp.waitFor(1);
    assert.deepEqual(mail!.to, ['editors@example.org']);
    assert.match(mailText(mail!.raw), /کتاب را کجا می‌توانم بخرم؟/);

    const admin = await makeUser(site.storage.db, 'administrator');
    await page.goto(`${base}/admin`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByRole('link', { name: 'Inbox', exact: true }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByRole('link', { name: 'پرسش درباره کتاب' }).click();
    await page.getByText('کتاب را کجا می‌توانم بخرم؟').waitFor();
    assert.match((await page.getByRole('link', { name: 'Reply by email' }).getAttribute('href'))!, /^mailto:maryam@example\.org\?subject=/);
    await context.close();
  });
});
