import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { contactSettings } from '../../../src/modules/contact/index.js';
import { editionSettings } from '../../../src/modules/settings/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

for (const dialect of DIALECTS) {
  describe(`the contact form's settings on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let admin: NewsroomClient;
    before(async () => {
      site = await openTestSite(dialect, { config: { siteDataTtlMs: 0 } });
      const a = await makeUser(site.storage.db, 'administrator');
      admin = new NewsroomClient(site.app);
      await admin.signIn(a.email);
    });
    after(() => site?.close());

    /** The settings form of the edition as the page fills it in, with changes. */
    async function formOf(edition: string, changes: Record<string, string>): Promise<Record<string, string>> {
      const doc = parse((await admin.get(`/admin/settings?edition=${edition}`)).body);
      const form: Record<string, string> = {};
      for (const input of doc.querySelectorAll('form[action="/admin/settings"] input')) {
        const name = input.getAttribute('name');
        if (!name || name === '_csrf') continue;
        if (input.getAttribute('type') === 'checkbox') {
          if (input.hasAttribute('checked')) form[name] = input.getAttribute('value') ?? '1';
        } else form[name] = input.getAttribute('value') ?? '';
      }
      for (const select of doc.querySelectorAll('form[action="/admin/settings"] select')) {
        form[select.getAttribute('name')!] = select.querySelector('option[selected]')?.getAttribute('value') ?? select.querySelector('option')!.getAttribute('value')!;
      }
      return { ...form, ...changes };
    }

    it('shows the edition’s contact page and address, chosen by the demo', async () => {
      const doc = parse((await admin.get('/admin/settings?edition=fa')).body);
      const chosen = doc.querySelector('select[name="contact.pageId"] option[selected]')!;
      assert.equal(chosen.text, 'تماس با ما');
      assert.equal(doc.querySelector('input[name="contact.email"]')!.getAttribute('value'), 'editors@example.org');
    });

    it('saves a new address, and can take the form off every page', async () => {
      const res = await admin.post('/admin/settings', await formOf('fa', { edition: 'fa', 'contact.email': 'fa-desk@example.org' }));
      assert.equal(res.statusCode, 303);
      assert.equal((await contactSettings(site.storage.db, 'fa')).email, 'fa-desk@example.org');
      assert.equal((await admin.post('/admin/settings', await formOf('sq', { edition: 'sq', 'contact.pageId': '' }))).statusCode, 303);
      assert.equal((await contactSettings(site.storage.db, 'sq')).pageId, null);
      const page = parse((await site.app.inject({ url: `/sq/na-kontaktoni/` })).body);
      assert.equal(page.querySelector('form.contact-form'), null);
    });

    it('refuses a bad address or another edition’s page with 400 and saves nothing at all', async () => {
      const before = { contact: await contactSettings(site.storage.db, 'ar'), edition: await editionSettings(site.storage.db, 'ar') };
      const bad = await admin.post('/admin/settings', await formOf('ar', { edition: 'ar', tagline: 'changed', 'contact.email': 'not an address' }));
      assert.equal(bad.statusCode, 400);
      assert.match(parse(bad.body).querySelector('[role="alert"]')!.text, /Nothing was saved.*Contact form messages go to/);
      const enPage = await site.storage.db.selectFrom('items').select('id').where('edition', '=', 'en').where('type', '=', 'page').executeTakeFirstOrThrow();
      const foreign = await admin.post('/admin/settings', await formOf('ar', { edition: 'ar', tagline: 'changed', 'contact.pageId': String(enPage.id) }));
      assert.equal(foreign.statusCode, 400);
      assert.deepEqual({ contact: await contactSettings(site.storage.db, 'ar'), edition: await editionSettings(site.storage.db, 'ar') }, before);
    });
  });
}
