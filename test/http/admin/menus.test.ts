import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'node-html-parser';
import { menuTree, type MenuNode } from '../../../src/modules/menus/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';

const labels = (nodes: MenuNode[]) => nodes.map((n) => n.label);

for (const dialect of DIALECTS) {
  describe(`menus in the newsroom on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let admin: NewsroomClient;
    const add = async (client: NewsroomClient, edition: string, label: string, target: string, parentId = '') => {
      await client.get(`/admin/menus?edition=${edition}`);
      return client.post('/admin/menus', { edition, label, target, parentId });
    };
    const idOf = async (edition: string, label: string): Promise<number> => {
      const walk = (nodes: MenuNode[]): MenuNode | undefined => nodes.map((n) => (n.label === label ? n : walk(n.children))).find(Boolean);
      return walk(await menuTree(site.storage.db, edition))!.id;
    };

    before(async () => {
      site = await openTestSite(dialect, { seed: false, config: { siteDataTtlMs: 0 } });
      const a = await makeUser(site.storage.db, 'administrator');
      admin = new NewsroomClient(site.app);
      await admin.signIn(a.email);
      for (const [label, target] of [['الرئيسية', '/'], ['مقالات', '/articles/'], ['من نحن', '/about/']] as const) {
        assert.equal((await add(admin, 'ar', label, target)).statusCode, 303);
      }
      assert.equal((await add(admin, 'fa', 'خانه', '/')).statusCode, 303);
    });
    after(() => site?.close());

    it('shows the menu as a sortable tree whose labels carry the edition’s language and direction', async () => {
      const res = await admin.get('/admin/menus?edition=ar');
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      const tree = doc.querySelector('form[action="/admin/menus/order"] ol.menu-tree[data-sortable]')!;
      assert.ok(tree);
      assert.deepEqual(tree.querySelectorAll('input[type="hidden"][name="order"]').map((i) => Number(i.getAttribute('value'))), (await menuTree(site.storage.db, 'ar')).map((n) => n.id));
      const label = tree.querySelector('[data-item-label]')!;
      assert.equal(label.getAttribute('lang'), 'ar');
      assert.equal(label.getAttribute('dir'), 'rtl');
      assert.ok(tree.querySelector('button[name="move"][formaction="/admin/menus/move"]'));
    });

    it('saving a new order changes the order of the public menu', async () => {
      const [home, articles, about] = [await idOf('ar', 'الرئيسية'), await idOf('ar', 'مقالات'), await idOf('ar', 'من نحن')];
      await admin.get('/admin/menus?edition=ar');
      const res = await admin.post('/admin/menus/order', { edition: 'ar', order: [String(about), String(home), String(articles)] });
      assert.equal(res.statusCode, 303);
      const page = await getPage(site.app, '/ar/');
      assert.deepEqual(page.doc.querySelectorAll('ul.menu > li > a').map((a) => a.text), ['من نحن', 'الرئيسية', 'مقالات']);

      // Without script: "Move down" saves at once.
      const move = await admin.post('/admin/menus/move', { edition: 'ar', move: `down:${about}` });
      assert.equal(move.statusCode, 303);
      assert.deepEqual(labels(await menuTree(site.storage.db, 'ar')), ['الرئيسية', 'من نحن', 'مقالات']);
    });

    it('an order naming another edition’s entry is refused and changes nothing', async () => {
      const before = labels(await menuTree(site.storage.db, 'ar'));
      const ids = (await menuTree(site.storage.db, 'ar')).map((n) => String(n.id)).reverse();
      await admin.get('/admin/menus?edition=ar');
      const res = await admin.post('/admin/menus/order', { edition: 'ar', order: [...ids, String(await idOf('fa', 'خانه'))] });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(labels(await menuTree(site.storage.db, 'ar')), before);
      assert.equal((await admin.post('/admin/menus/order', { edition: 'ar', order: ['1; drop table menu_items'] })).statusCode, 400);
    });

    it('a javascript: target, or anything but a path or an http(s) address, is refused with 400', async () => {
      const before = (await menuTree(site.storage.db, 'ar')).length;
      for (const target of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,hi', '//evil.example/', 'mailto:a@b.c', 'articles/']) {
        const res = await add(admin, 'ar', 'Bad', target);
        assert.equal(res.statusCode, 400, target);
        assert.equal(parse(res.body).querySelector('input[name="target"]')!.getAttribute('value'), target, 'the entered target is shown again');
      }
      assert.equal((await menuTree(site.storage.db, 'ar')).length, before);
      const id = await idOf('ar', 'مقالات');
      await admin.get(`/admin/menus/${id}`);
      assert.equal((await admin.post(`/admin/menus/${id}`, { label: 'مقالات', target: 'javascript:alert(1)', parentId: '' })).statusCode, 400);
      assert.equal((await menuTree(site.storage.db, 'ar')).find((n) => n.id === id)!.target, '/articles/');
      assert.equal((await add(admin, 'ar', 'Partner', 'https://partner.example/news')).statusCode, 303);
    });

    it('an editor limited to ar manages the ar menu but gets 403 on the fa menu', async () => {
      const e = await makeUser(site.storage.db, 'editor', ['ar']);
      const editor = new NewsroomClient(site.app);
      await editor.signIn(e.email);
      const own = await editor.get('/admin/menus');
      assert.equal(own.statusCode, 200);
      assert.equal(parse(own.body).querySelector('form[action="/admin/menus"] input[name="edition"]')!.getAttribute('value'), 'ar');
      assert.equal((await editor.get('/admin/menus?edition=fa')).statusCode, 403);
      const fa = await idOf('fa', 'خانه');
      assert.equal((await editor.post('/admin/menus', { edition: 'fa', label: 'x', target: '/x/', parentId: '' })).statusCode, 403);
      assert.equal((await editor.post('/admin/menus/order', { edition: 'fa', order: [String(fa)] })).statusCode, 403);
      assert.equal((await editor.post('/admin/menus/move', { edition: 'fa', move: `up:${fa}` })).statusCode, 403);
      assert.equal((await editor.get(`/admin/menus/${fa}`)).statusCode, 403);
      assert.equal((await editor.post(`/admin/menus/${fa}`, { label: 'x', target: '/x/', parentId: '' })).statusCode, 403);
      assert.equal((await editor.post(`/admin/menus/${fa}/delete`)).statusCode, 403);
      assert.deepEqual(labels(await menuTree(site.storage.db, 'fa')), ['خانه']);
      // Their own edition works, and an entry of another edition cannot be moved through it.
      assert.equal((await editor.post('/admin/menus/move', { edition: 'ar', move: `up:${fa}` })).statusCode, 404);
      assert.equal((await add(editor, 'ar', 'فيديو', '/videos/')).statusCode, 303);

      const author = await makeUser(site.storage.db, 'author');
      const a = new NewsroomClient(site.app);
      await a.signIn(author.email);
      assert.equal((await a.get('/admin/menus')).statusCode, 403);
    });

    it('an entry moves under another, but never under itself; deleting asks first and takes its sub-entries', async () => {
      const parent = await idOf('ar', 'مقالات');
      assert.equal((await add(admin, 'ar', 'تحليلات', '/category/analysis/', String(parent))).statusCode, 303);
      const child = await idOf('ar', 'تحليلات');
      await admin.get(`/admin/menus/${parent}`);
      assert.equal((await admin.post(`/admin/menus/${parent}`, { label: 'مقالات', target: '/articles/', parentId: String(child) })).statusCode, 400);
      const page = await getPage(site.app, '/ar/');
      assert.ok(page.doc.querySelector('ul.menu li.has-sub ul.sub-menu a[href="/ar/category/analysis/"]'), 'the sub-entry is in the public menu');

      const confirm = await admin.get(`/admin/menus/${parent}/delete`);
      assert.equal(confirm.statusCode, 200);
      const items = parse(confirm.body).querySelectorAll('form li strong').map((s) => s.text);
      assert.deepEqual(items, ['مقالات', 'تحليلات']);
      assert.ok(await idOf('ar', 'مقالات'), 'nothing is deleted by looking');
      const res = await admin.post(`/admin/menus/${parent}/delete`);
      assert.equal(res.statusCode, 303);
      const left = await menuTree(site.storage.db, 'ar');
      assert.ok(!labels(left).includes('مقالات'));
      const all = JSON.stringify(left);
      assert.ok(!all.includes('تحليلات'), 'the sub-entry went with it');
      assert.equal((await admin.get(`/admin/menus/${child}`)).statusCode, 404);
    });
  });
}
