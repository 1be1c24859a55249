import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { editionSettings } from '../../../src/modules/settings/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';

const GOOD = {
  edition: 'ar',
  tagline: 'أخبار وتحليلات كل يوم',
  listingShows: 'full',
  perPage: '12',
  since: '2019',
  'social.facebook': 'https://www.facebook.com/nashr.ar',
  'social.twitter': '',
  'social.instagram': '',
  'social.youtube': 'https://www.youtube.com/@nashr-ar',
};

for (const dialect of DIALECTS) {
  describe(`site settings in the newsroom on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let admin: NewsroomClient;
    before(async () => {
      site = await openTestSite(dialect, { seed: false, config: { siteDataTtlMs: 0 } });
      const a = await makeUser(site.storage.db, 'administrator');
      admin = new NewsroomClient(site.app);
      await admin.signIn(a.email);
    });
    after(() => site?.close());

    it('shows every edition, read only, and the settings form of the edition asked for', async () => {
      const res = await admin.get('/admin/settings?edition=fa');
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      assert.equal(doc.querySelector('input[name="edition"]')!.getAttribute('value'), 'fa');
      assert.equal(doc.querySelector('input[name="tagline"]')!.getAttribute('dir'), 'rtl');
      const rows = doc.querySelectorAll('#editions-heading ~ .table-wrap tbody tr');
      assert.deepEqual(rows.map((r) => r.querySelector('code')!.text), site.config.editions.map((e) => e.code));
      assert.match(res.body, /NASHR_EDITIONS_FILE/);
      assert.equal((await admin.get('/admin/settings?edition=xx')).statusCode, 400);
    });

    it('a social link that is not an http(s) address is refused with 400 and nothing is saved', async () => {
      const before = await editionSettings(site.storage.db, 'ar');
      await admin.get('/admin/settings?edition=ar');
      for (const bad of ['not a url', 'javascript:alert(1)']) {
        const res = await admin.post('/admin/settings', { ...GOOD, 'social.twitter': bad });
        assert.equal(res.statusCode, 400, bad);
        const doc = parse(res.body);
        assert.match(doc.querySelector('[role="alert"]')!.text, /Nothing was saved.*X \(Twitter\) profile/);
        assert.equal(doc.querySelector('input[name="tagline"]')!.getAttribute('value'), GOOD.tagline, 'what was entered is kept');
        assert.deepEqual(await editionSettings(site.storage.db, 'ar'), before, 'the tagline and the rest were not saved either');
      }
      const perPage = await admin.post('/admin/settings', { ...GOOD, perPage: '0' });
      assert.equal(perPage.statusCode, 400);
      assert.deepEqual(await editionSettings(site.storage.db, 'ar'), before);
    });

    it('saved settings show on the public edition, and only there', async () => {
      await admin.get('/admin/settings?edition=ar');
      const res = await admin.post('/admin/settings', GOOD);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/settings?edition=ar&notice=saved');
      const saved = await editionSettings(site.storage.db, 'ar');
      assert.equal(saved.perPage, 12);
      assert.equal(saved.since, 2019);
      assert.equal(saved.listingShows, 'full');
      assert.deepEqual(saved.social, { facebook: GOOD['social.facebook'], youtube: GOOD['social.youtube'] });

      const ar = await getPage(site.app, '/ar/');
      assert.equal(ar.status, 200);
      assert.equal(ar.doc.querySelector('.tagline')?.text, GOOD.tagline);
      assert.ok(ar.doc.querySelector(`a[href="${GOOD['social.facebook']}"]`), 'the social link is in the footer');
      const en = await getPage(site.app, '/');
      assert.notEqual(en.doc.querySelector('.tagline')?.text, GOOD.tagline);

      const form = parse((await admin.get('/admin/settings?edition=ar')).body);
      assert.equal(form.querySelector('input[name="perPage"]')!.getAttribute('value'), '12');
    });

    it('an editor gets 403 on the settings, and cannot post them', async () => {
      const e = await makeUser(site.storage.db, 'editor');
      const editor = new NewsroomClient(site.app);
      await editor.signIn(e.email);
      assert.equal((await editor.get('/admin/settings')).statusCode, 403);
      const before = await editionSettings(site.storage.db, 'en');
      assert.equal((await editor.post('/admin/settings', { ...GOOD, edition: 'en', tagline: 'Hijacked' })).statusCode, 403);
      assert.deepEqual(await editionSettings(site.storage.db, 'en'), before);
    });
  });
}
