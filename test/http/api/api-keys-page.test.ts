import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { htmlCheckerSkipReason, htmlErrors } from '../../support/html-checker.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';
import { makeKeyInNewsroom } from './api-client.js';


describe('the API keys page is valid HTML (Nu Html Checker)', { skip: await htmlCheckerSkipReason() }, () => {
  let site: TestSite;
  before(async () => {
    site = await openTestSite('sqlite', { seed: false });
  });
  after(() => site?.close());

  it('reports no errors with no keys, a key just made, a revoked key and a refused name', async () => {
    const pages: { path: string; body: string }[] = [];
    const { admin } = await makeKeyInNewsroom(site.app, site.storage.db, 'First');
    await site.storage.db.deleteFrom('api_keys').execute();
    pages.push({ path: 'empty list', body: (await admin.get('/admin/api-keys')).body });
    const made = await admin.post('/admin/api-keys', { name: 'Mobile app <beta>' });
    assert.equal(made.statusCode, 200);
    pages.push({ path: 'key just made', body: made.body });
    const { id } = await site.storage.db.selectFrom('api_keys').select('id').executeTakeFirstOrThrow();
    await admin.post(`/admin/api-keys/${id}/revoke`);
    await admin.post('/admin/api-keys', { name: 'Partner' });
    pages.push({ path: 'revoked and active', body: (await admin.get('/admin/api-keys?notice=revoked')).body });
    const refused = await admin.post('/admin/api-keys', { name: '' });
    assert.equal(refused.statusCode, 400);
    pages.push({ path: 'refused name', body: refused.body });
    assert.ok(!made.body.includes('<beta>'), 'the name is escaped');

    assert.deepEqual(await htmlErrors(pages), []);
  });
});
