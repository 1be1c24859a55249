import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertComment, reachedFromIp, reachedOnItem } from '../../../src/modules/comments/comments.repository.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();

for (const dialect of DIALECTS) {
  describe(`comment rate limits on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let itemId: number;
    let edition: string;

    before(async () => {
      site = await openTestSite(dialect);
      const db = site.storage.db;
      const item = await db.selectFrom('items').select(['id', 'edition']).where('type', '=', 'article').where('status', '=', 'published').executeTakeFirstOrThrow();
      ({ id: itemId, edition } = item);
      const editor = await makeUser(db, 'editor');
      // Three readers' comments from one address at minutes 1, 2 and 3, one from another address at
      // minute 4, and two newsroom replies at minute 5.
      for (const [minute, ip] of [[1, '192.0.2.1'], [2, '192.0.2.1'], [3, '192.0.2.1'], [4, '192.0.2.2']] as const) {
        await insertComment(db, {
          item_id: itemId, parent_id: null, edition, depth: 1, author_name: 'Reader', author_email: `r${minute}@example.org`, body: `Comment ${minute}.`, status: 'pending',
          created_at: at(minute), ip, user_agent: null, notify_replies: 0, content_hash: `hash-${minute}`,
        });
      }
      for (const n of [1, 2]) {
        await db.insertInto('comments').values({ item_id: itemId, edition, author_name: 'Editor', user_id: editor.id, body: `Reply ${n}.`, status: 'approved', created_at: at(5), ip: null, user_agent: null, content_hash: `reply-${n}` }).execute();
      }
    });
    after(() => site?.close());

    it('counts an address’s comments in the window up to the limit and no further', async () => {
      const db = site.storage.db;
      assert.equal(await reachedFromIp(db, '192.0.2.1', at(0), 3), true);
      assert.equal(await reachedFromIp(db, '192.0.2.1', at(0), 4), false);
      assert.equal(await reachedFromIp(db, '192.0.2.1', at(1), 3), false, 'a comment at the window’s start is outside it');
      assert.equal(await reachedFromIp(db, '192.0.2.1', at(1), 2), true);
      assert.equal(await reachedFromIp(db, '192.0.2.9', at(0), 1), false);
      assert.equal(await reachedFromIp(db, '192.0.2.1', at(0), Number.MAX_SAFE_INTEGER), false, 'a lifted limit');
    });

    it('counts readers’ comments on an item, never the newsroom’s replies', async () => {
      const db = site.storage.db;
      assert.equal(await reachedOnItem(db, itemId, at(0), 4), true);
      assert.equal(await reachedOnItem(db, itemId, at(0), 5), false, 'two replies from the newsroom do not count');
      assert.equal(await reachedOnItem(db, itemId, at(3), 1), true);
      assert.equal(await reachedOnItem(db, itemId, at(4), 1), false);
      assert.equal(await reachedOnItem(db, itemId, at(0), Number.MAX_SAFE_INTEGER), false, 'a lifted limit');
    });
  });
}
