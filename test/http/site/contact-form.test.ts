import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { issueFormToken, saveContactSettings, siteSecret } from '../../../src/modules/contact/index.js';
import { outboxFor } from '../../../src/modules/mail/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { freePort, mailText, startTestSmtp, type TestSmtp } from '../../support/smtp.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';

const EN_PAGE = '/contact-us/';
const FA_PAGE = `/fa/${encodeURIComponent('تماس-با-ما')}/`;

let ipCounter = 0;
/** Each case posts from its own address, so the rate limit only bites where a case wants it to. */
const nextIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

/** A token the page would have given a reader `ageMs` ago. */
async function tokenAged(site: TestSite, edition: string, ageMs: number): Promise<string> {
  return issueFormToken(await siteSecret(site.storage.db), `contact:${edition}`, new Date(Date.now() - ageMs));
}

function post(site: TestSite, url: string, form: Record<string, string>, ip = nextIp(), headers: Record<string, string> = {}) {
  return site.app.inject({ method: 'POST', url, remoteAddress: ip, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(form).toString() });
}

const messages = (site: TestSite) => site.storage.db.selectFrom('contact_messages').selectAll().orderBy('id').execute();

for (const dialect of DIALECTS) {
  describe(`the contact form on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let smtp: TestSmtp;
    before(async () => {
      smtp = await startTestSmtp();
      site = await openTestSite(dialect, { config: { smtpUrl: smtp.url, mailIntervalMs: 100, mailFrom: 'nashr <no-reply@news.example>' } });
      await site.app.ready();
    });
    after(async () => {
      await site?.close();
      await smtp?.close();
    });

    const valid = async (edition = 'en', extra: Record<string, string> = {}) => ({
      name: 'Layla Ahmadi',
      email: 'layla@example.org',
      subject: 'A correction',
      message: 'The date in the second paragraph is wrong.',
      website: '',
      token: await tokenAged(site, edition, 10_000),
      ...extra,
    });

    it('shows the form, with a labelled honeypot and a signed token, on the Contact page only', async () => {
      const page = await getPage(site.app, EN_PAGE);
      assert.equal(page.status, 200);
      const form = page.doc.querySelector('form.contact-form');
      assert.ok(form);
      assert.equal(form.getAttribute('action'), '/contact');
      for (const name of ['name', 'email', 'subject', 'message', 'website', 'token']) assert.ok(form.querySelector(`[name="${name}"]`), name);
      assert.match(form.querySelector('label[for="contact-website"]')!.text, /Leave this field empty/);
      assert.match(form.querySelector('[name="token"]')!.getAttribute('value')!, /^\d+\.[\w-]{43}$/);
      const about = await getPage(site.app, '/about-us/');
      assert.equal(about.doc.querySelector('form.contact-form'), null);
    });

    it('stores a message, confirms it, and delivers it by SMTP to the edition’s address', async () => {
      const before = smtp.received.length;
      const res = await post(site, '/contact', await valid('en', { message: 'Please fix the date.\nThank you — ممنون' }));
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/contact-us/?sent=1#contact-sent-title');
      const confirmation = await getPage(site.app, '/contact-us/?sent=1');
      assert.match(confirmation.doc.querySelector('.contact-sent')!.text, /Thank you\. Your message has been sent\./);
      const stored = (await messages(site)).at(-1)!;
      assert.equal(stored.edition, 'en');
      assert.equal(stored.body, 'Please fix the date.\nThank you — ممنون');
      assert.equal(stored.read_at, null);
      const [mail] = (await smtp.waitFor(before + 1)).slice(before);
      assert.deepEqual(mail!.to, ['editors@example.org']);
      const text = mailText(mail!.raw);
      assert.match(text, /Layla Ahmadi <layla@example\.org>/);
      assert.match(text, /Please fix the date\.\r?\nThank you — ممنون/);
      assert.match(text, new RegExp(`https://news\\.example/admin/inbox/${stored.id}`));
    });

    it('confirms in Farsi on the Farsi edition', async () => {
      const res = await post(site, '/fa/contact', await valid('fa', { name: 'مریم', message: 'سلام، کتاب را کجا می‌توانم بخرم؟' }));
      assert.equal(res.statusCode, 303);
      const page = await getPage(site.app, res.headers.location as string);
      assert.equal(page.doc.querySelector('html')!.getAttribute('lang'), 'fa');
      assert.match(page.doc.querySelector('.contact-sent')!.text, /سپاسگزاریم\. پیام شما فرستاده شد\./);
      assert.equal((await messages(site)).at(-1)!.edition, 'fa');
    });

    it('refuses empty, huge, binary and malformed input with the form again in the edition’s language, storing nothing', async () => {
      const count = (await messages(site)).length;
      const cases: [Record<string, string>, string, RegExp][] = [
        [{ name: '', message: '' }, 'name', /Please fill in this field/],
        [{ message: '   ' }, 'message', /Please fill in this field/],
        [{ email: 'not-an-address' }, 'email', /enter an email address/],
        [{ message: 'x'.repeat(5001) }, 'message', /at most 5,?000 characters/],
        [{ name: 'a'.repeat(101) }, 'name', /at most 100 characters/],
        [{ message: 'GIF89a\u0000\u0001\u0002binary' }, 'message', /not text/],
        [{ subject: 'Hi\r\nBcc: spam@example.org' }, 'subject', /one line/],
      ];
      for (const [extra, field, pattern] of cases) {
        const res = await post(site, '/contact', await valid('en', extra));
        assert.equal(res.statusCode, 400, JSON.stringify(extra).slice(0, 60));
        const doc = parse(res.body);
        assert.match(doc.querySelector('.form-errors')!.text, /Your message was not sent/);
        assert.match(doc.querySelector(`#contact-${field}-error`)!.text, pattern, field);
        assert.equal(doc.querySelector(`#contact-${field}`)!.getAttribute('aria-invalid'), 'true');
      }
      const fa = await post(site, '/fa/contact', await valid('fa', { email: 'bad' }));
      assert.equal(fa.statusCode, 400);
      assert.match(parse(fa.body).querySelector('.form-errors')!.text, /پیام شما فرستاده نشد/);
      const rawBytes = await site.app.inject({
        method: 'POST', url: '/contact', remoteAddress: nextIp(), headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: Buffer.concat([Buffer.from('name=R&email=r%40example.org&message='), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0xc3]), Buffer.from(`&token=${encodeURIComponent(await tokenAged(site, 'en', 10_000))}`)]),
      });
      assert.equal(rawBytes.statusCode, 400, 'bytes that are not UTF-8');
      assert.match(parse(rawBytes.body).querySelector('#contact-message-error')!.text, /not text/);
      const huge = await post(site, '/contact', await valid('en', { message: 'x'.repeat(100_000) }));
      assert.equal(huge.statusCode, 413);
      assert.equal((await messages(site)).length, count);
    });

    it('stores script-laden text as plain text and shows it back escaped', async () => {
      const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
      const refused = await post(site, '/contact', await valid('en', { name: script, email: 'bad' }));
      assert.equal(refused.statusCode, 400);
      assert.ok(!refused.body.includes(script), 'the typed text comes back escaped');
      assert.ok(refused.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      const res = await post(site, '/contact', await valid('en', { subject: script, message: script }));
      assert.equal(res.statusCode, 303);
      const stored = (await messages(site)).at(-1)!;
      assert.equal(stored.body, script, 'kept exactly as typed: it is never rendered as HTML');
    });

    it('accepts a filled honeypot silently and keeps nothing', async () => {
      const count = (await messages(site)).length;
      const res = await post(site, '/contact', await valid('en', { website: 'https://spam.example' }));
      assert.equal(res.statusCode, 303, 'a robot is told it succeeded');
      assert.equal((await messages(site)).length, count);
    });

    it('refuses a form sent too fast, a forged, foreign-edition or expired token, and a foreign origin, storing nothing', async () => {
      const count = (await messages(site)).length;
      const page = await getPage(site.app, EN_PAGE);
      const fresh = page.doc.querySelector('[name="token"]')!.getAttribute('value')!;
      const tooFast = await post(site, '/contact', await valid('en', { token: fresh }));
      assert.equal(tooFast.statusCode, 400);
      assert.match(parse(tooFast.body).querySelector('.form-errors')!.text, /sent very quickly/);
      assert.equal(parse(tooFast.body).querySelector('#contact-message')!.text, 'The date in the second paragraph is wrong.', 'what was typed is kept');

      const good = await tokenAged(site, 'en', 10_000);
      const forged = `${good.split('.')[0]}.${'A'.repeat(43)}`;
      for (const token of ['', 'garbage', forged, await tokenAged(site, 'fa', 10_000), issueFormToken(Buffer.alloc(32), 'contact:en', new Date(Date.now() - 10_000))]) {
        const res = await post(site, '/contact', await valid('en', { token }));
        assert.equal(res.statusCode, 400, token);
        assert.match(parse(res.body).querySelector('.form-errors')!.text, /could not be checked/);
      }
      const expired = await post(site, '/contact', await valid('en', { token: await tokenAged(site, 'en', 25 * 3_600_000) }));
      assert.equal(expired.statusCode, 400);
      assert.match(parse(expired.body).querySelector('.form-errors')!.text, /expired/);
      const foreign = await post(site, '/contact', await valid('en'), nextIp(), { origin: 'https://evil.example' });
      assert.equal(foreign.statusCode, 403);
      const own = await post(site, '/contact', await valid('en', { message: 'from our own origin' }), nextIp(), { origin: 'https://news.example' });
      assert.equal(own.statusCode, 303);
      assert.equal((await messages(site)).length, count + 1);
    });

    it('limits how many messages one address sends', async () => {
      const ip = nextIp();
      const count = (await messages(site)).length;
      for (let i = 0; i < 5; i++) assert.equal((await post(site, '/contact', await valid('en', { message: `message ${i}` }), ip)).statusCode, 303);
      const limited = await post(site, '/contact', await valid('en', { message: 'one too many' }), ip);
      assert.equal(limited.statusCode, 429);
      assert.match(parse(limited.body).querySelector('.form-errors')!.text, /Too many messages/);
      assert.equal((await messages(site)).length, count + 5);
      assert.equal((await post(site, '/contact', await valid('en', { message: 'another reader' }))).statusCode, 303, 'others are not limited');
    });

    it('has no form, and no /contact, in an edition without a contact page', async () => {
      await saveContactSettings(site.storage.db, 'sq', { pageId: null, email: '' });
      const res = await post(site, '/sq/contact', await valid('sq'));
      assert.equal(res.statusCode, 404);
    });
  });

  describe(`the contact form with the mail server down on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect, { config: { smtpUrl: `smtp://127.0.0.1:${await freePort()}`, mailIntervalMs: 100 } });
      await site.app.ready();
    });
    after(() => site?.close());

    it('keeps the message in the inbox and its mail in the outbox, with the failure recorded for a retry', async () => {
      const res = await post(site, '/contact', {
        name: 'Reader', email: 'reader@example.org', subject: 'Down', message: 'kept while the server is down', website: '',
        token: await tokenAged(site, 'en', 10_000),
      });
      assert.equal(res.statusCode, 303, 'the reader is told it was received');
      assert.equal((await messages(site)).length, 1);
      let entry;
      for (let i = 0; i < 100; i++) {
        [entry] = await outboxFor(site.storage.db, 'editors@example.org');
        if (entry && entry.attempts > 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(entry && entry.attempts >= 1, 'a send was tried');
      assert.equal(entry.sentAt, null);
      assert.ok(entry.lastError);
      assert.ok(Date.parse(entry.nextAttemptAt) > Date.now(), 'retried later');
    });
  });
}
