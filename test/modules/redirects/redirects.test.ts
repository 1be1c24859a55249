import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addRedirect,
  deleteRedirect,
  findRedirect,
  getRedirect,
  listRedirects,
  RedirectError,
  RedirectHitCounter,
  resolveRedirect,
  saveRedirect,
  saveRedirects,
  updateRedirect,
} from '../../../src/modules/redirects/index.js';
import type { Db } from '../../../src/storage/database.js';
import { migrateToLatest } from '../../../src/storage/migrations/index.js';
import { DIALECTS, dialectSkipReason, freshStorage } from '../../support/dialects.js';

const refusedWith = (code: string) => (e: unknown) => e instanceof RedirectError && e.code === code;
const count = async (db: Db) => Number((await db.selectFrom('redirects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

for (const dialect of DIALECTS) {
  describe(`redirects on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    async function withDb(fn: (db: Db) => Promise<void>) {
      const fresh = await freshStorage(dialect);
      try {
        await migrateToLatest(fresh.storage.db);
        await fn(fresh.storage.db);
      } finally {
        await fresh.dispose();
      }
    }

    it('saves an imported redirect once: the same again is unchanged, a new target an update', () =>
      withDb(async (db) => {
        assert.equal(await saveRedirect(db, { from: '/?p=123', to: '/some-article/', source: 'import' }), 'created');
        assert.equal(await saveRedirect(db, { from: '/?p=123', to: '/some-article/', source: 'import' }), 'unchanged');
        assert.equal(await saveRedirect(db, { from: '/?p=123', to: '/renamed-article/', source: 'import' }), 'updated');
        assert.equal(await count(db), 1);
        const r = await findRedirect(db, '/?p=123');
        assert.equal(r?.to, '/renamed-article/');
        assert.equal(r?.status, 301);
        assert.equal(r?.source, 'import');
      }));

    it('matches one old address however it is written', () =>
      withDb(async (db) => {
        await saveRedirect(db, { from: '/2019/05/%D8%B3%D9%84%D8%A7%D9%85/', to: '/fa/سلام/', source: 'import' });
        assert.equal(await saveRedirect(db, { from: '/2019/05/سلام', to: '/fa/سلام/', source: 'import' }), 'unchanged');
        for (const url of ['/2019/05/%d8%b3%d9%84%d8%a7%d9%85/', '/2019/05/سلام/', '/2019/05/%D8%B3%D9%84%D8%A7%D9%85', '/2019/05/%D8%B3%D9%84%D8%A7%D9%85/?utm_source=t.me']) {
          assert.equal((await resolveRedirect(db, url))?.to, '/fa/سلام/', url);
        }
        await saveRedirect(db, { from: '/?page_id=5&lang=fa', to: '/fa/about/', source: 'import' });
        assert.equal((await resolveRedirect(db, '/?lang=fa&page_id=5'))?.to, '/fa/about/');
        assert.equal(await resolveRedirect(db, '/?page_id=6&lang=fa'), undefined);
        assert.equal(await resolveRedirect(db, 'not a path'), undefined);
      }));

    it('an address with an unknown query falls back to its path, unless asked for the exact one', () =>
      withDb(async (db) => {
        await saveRedirect(db, { from: '/old-slug/', to: '/new-slug/', source: 'import' });
        assert.equal((await resolveRedirect(db, '/old-slug/?replytocom=5'))?.to, '/new-slug/');
        assert.equal(await resolveRedirect(db, '/old-slug/?replytocom=5', false), undefined);
      }));

    it('refuses loops, direct and through other redirects, and changes nothing', () =>
      withDb(async (db) => {
        await assert.rejects(saveRedirect(db, { from: '/a/', to: '/a', source: 'import' }), refusedWith('redirects.loop'));
        await assert.rejects(saveRedirect(db, { from: '/A/', to: '/a/', source: 'manual' }), refusedWith('redirects.loop'));
        await assert.rejects(saveRedirect(db, { from: '/a', to: '/a?x=1', source: 'manual' }), refusedWith('redirects.loop'), 'the path fallback would loop');
        await saveRedirect(db, { from: '/a/', to: '/b/', source: 'import' });
        await saveRedirect(db, { from: '/b/', to: '/c/', source: 'import' });
        await assert.rejects(saveRedirect(db, { from: '/c/', to: '/a/', source: 'import' }), refusedWith('redirects.loop'));
        await assert.rejects(addRedirect(db, { from: '/c/', to: '/%61/' }), refusedWith('redirects.loop'));
        assert.equal(await count(db), 2);
      }));

    it('saves many at once with the same results and rows as one at a time', async () => {
      const list = [
        { from: '/?p=1', to: '/one/', source: 'import' as const },
        { from: '/?p=2', to: '/two/', source: 'import' as const },
        { from: '/?p=1', to: '/one/', source: 'import' as const },
        { from: '/?p=2', to: '/two-renamed/', source: 'import' as const },
        { from: '/one', to: '/?p=1', source: 'import' as const },
        { from: '/old-a/', to: '/old-b/', source: 'import' as const },
        { from: '/old-b/', to: '/old-a/', source: 'import' as const },
        { from: '/edited/', to: '/by-import/', source: 'import' as const },
        { from: '/gone/', to: '', source: 'import' as const, status: 410 as const },
        { from: '/away/', to: 'https://elsewhere.example/', source: 'import' as const },
        { from: '/self/', to: '/self', source: 'import' as const },
        { from: '/2019/05/%D8%B3%D9%84%D8%A7%D9%85/', to: '/fa/سلام/', source: 'import' as const },
      ];
      const outcome = async (save: (db: Db) => Promise<unknown[]>) => {
        let rows: unknown[] = [];
        let results: unknown[] = [];
        await withDb(async (db) => {
          await addRedirect(db, { from: '/edited/', to: '/by-editor/' });
          results = (await save(db)).map((r) => (r instanceof RedirectError ? r.code : r));
          rows = await db.selectFrom('redirects').select(['from_path', 'to_path', 'status', 'source']).orderBy('from_path').execute();
        });
        return { results, rows };
      };
      const many = await outcome((db) => db.transaction().execute((trx) => saveRedirects(trx, list)));
      const one = await outcome(async (db) => {
        const out: unknown[] = [];
        for (const r of list) out.push(await saveRedirect(db, r).catch((e: unknown) => e));
        return out;
      });
      assert.deepEqual(many, one);
      assert.deepEqual(many.results.slice(0, 7), ['created', 'created', 'unchanged', 'updated', 'redirects.loop', 'created', 'redirects.loop']);
    });

    it('lets only an editor send readers to another site', () =>
      withDb(async (db) => {
        await assert.rejects(saveRedirect(db, { from: '/x/', to: 'https://elsewhere.example/', source: 'import' }), refusedWith('redirects.invalid_target'));
        await assert.rejects(saveRedirect(db, { from: '/x/', to: '//elsewhere.example/', source: 'manual' }), refusedWith('redirects.invalid_target'));
        await assert.rejects(saveRedirect(db, { from: 'https://old.example/x/', to: '/y/', source: 'import' }), refusedWith('redirects.invalid_from'));
        assert.equal(await count(db), 0);
        const id = await addRedirect(db, { from: '/donate/', to: 'https://donate.example.org/' });
        assert.equal((await getRedirect(db, id)).to, 'https://donate.example.org/');
      }));

    it('a redirect an editor made or changed is never overwritten by an import', () =>
      withDb(async (db) => {
        await saveRedirect(db, { from: '/?p=1', to: '/first/', source: 'import' });
        const r = await findRedirect(db, '/?p=1');
        await updateRedirect(db, r!.id, { from: '/?p=1', to: '/better/', status: 302 });
        assert.equal(await saveRedirect(db, { from: '/?p=1', to: '/first/', source: 'import' }), 'unchanged');
        const after = await getRedirect(db, r!.id);
        assert.deepEqual([after.to, after.status, after.source], ['/better/', 302, 'manual']);
      }));

    it('adds from the newsroom only for a new old address; 410 needs no target', () =>
      withDb(async (db) => {
        const id = await addRedirect(db, { from: '/gone/', to: '', status: 410 });
        assert.equal((await getRedirect(db, id)).to, '');
        await assert.rejects(addRedirect(db, { from: '/gone', to: '/x/' }), refusedWith('redirects.taken'));
        const other = await addRedirect(db, { from: '/other/', to: '/x/' });
        await assert.rejects(updateRedirect(db, other, { from: '/gone/', to: '/x/' }), refusedWith('redirects.taken'));
        await assert.rejects(addRedirect(db, { from: '/y/', to: '/x/', status: 307 as 301 }), refusedWith('redirects.invalid_status'));
        await deleteRedirect(db, id);
        await assert.rejects(deleteRedirect(db, id), refusedWith('redirects.not_found'));
        await assert.rejects(getRedirect(db, id), refusedWith('redirects.not_found'));
      }));

    it('counts uses in memory and writes them in one batch', () =>
      withDb(async (db) => {
        await saveRedirect(db, { from: '/a/', to: '/x/', source: 'import' });
        await saveRedirect(db, { from: '/b/', to: '/y/', source: 'import' });
        const [a, b] = [(await findRedirect(db, '/a/'))!.id, (await findRedirect(db, '/b/'))!.id];
        const errors: unknown[] = [];
        const counter = new RedirectHitCounter(db, (e) => errors.push(e), 60_000);
        for (let i = 0; i < 5; i++) counter.count(a, new Date(`2026-01-0${i + 1}T00:00:00Z`));
        counter.count(b);
        assert.equal((await getRedirect(db, a)).hits, 0, 'nothing written before the flush');
        await counter.flush();
        await counter.flush();
        const ra = await getRedirect(db, a);
        assert.deepEqual([ra.hits, ra.lastHitAt, (await getRedirect(db, b)).hits], [5, '2026-01-05T00:00:00.000Z', 1]);
        counter.count(a);
        await counter.flush();
        assert.equal((await getRedirect(db, a)).hits, 6);
        assert.deepEqual(errors, []);
      }));

    it('lists newest first, searches old and new addresses, and pages', () =>
      withDb(async (db) => {
        for (let i = 1; i <= 7; i++) await saveRedirect(db, { from: `/?p=${i}`, to: `/article-${i}/`, source: 'import' });
        await saveRedirect(db, { from: '/2019/05/%D8%B5%D9%84%D8%AD/', to: '/fa/Peace_100%/', source: 'import' });
        const all = await listRedirects(db, { perPage: 3 });
        assert.equal(all.total, 8);
        assert.equal(all.redirects.length, 3);
        assert.equal(all.redirects[0]!.from, '/2019/05/صلح');
        assert.equal((await listRedirects(db, { perPage: 3, page: 3 })).redirects.length, 2);
        assert.deepEqual((await listRedirects(db, { search: 'article-3' })).redirects.map((r) => r.from), ['/?p=3']);
        assert.equal((await listRedirects(db, { search: '%D8%B5%D9%84%D8%AD' })).total, 1, 'typed percent-encoded');
        assert.equal((await listRedirects(db, { search: 'صلح' })).total, 1);
        assert.equal((await listRedirects(db, { search: 'peace_100%' })).total, 1, 'case and LIKE wildcards as plain text');
        assert.equal((await listRedirects(db, { search: '_' })).total, 1);
      }));
  });
}
