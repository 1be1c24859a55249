import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { multipartBody } from '../../support/multipart.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { getPage, openTestSite, type TestSite } from '../../support/test-site.js';

for (const dialect of DIALECTS) {
  describe(`newsroom media library on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let png: Buffer;
    before(async () => {
      site = await openTestSite(dialect, { config: { uploadMaxBytes: 2 * 1024 * 1024 } });
      png = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#2a9d8f' } }).png().toBuffer();
    });
    after(() => site?.close());

    async function signedIn(role: 'editor' | 'author' | 'contributor') {
      const user = await makeUser(site.storage.db, role);
      const c = new NewsroomClient(site.app);
      await c.signIn(user.email);
      await c.get('/admin/media');
      return { c, user };
    }

    function upload(c: NewsroomClient, files: Parameters<typeof multipartBody>[0], fields: Record<string, string> = {}, csrf: string | null = c.csrf) {
      const body = multipartBody(files, fields);
      return c.request({ method: 'POST', url: '/admin/media?format=json', payload: body.payload, headers: { ...body.headers, accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) } });
    }

    const mediaCount = async () => (await site.storage.db.selectFrom('media').select('id').execute()).length;
    const incoming = () => join(site.config.dataDir, 'media', '.incoming');
    const leftovers = () => (existsSync(incoming()) ? readdirSync(incoming()) : []);

    it('uploads an image into responsive AVIF, WebP and JPEG sizes, findable by its Persian alt text', async () => {
      const { c } = await signedIn('contributor');
      const res = await upload(c, [{ name: 'نمایشگاه.png', data: png, type: 'image/png' }], { alt: 'نمایشگاه کتاب تهران' });
      assert.equal(res.statusCode, 201, res.body);
      const { item } = JSON.parse(res.body);
      const row = await site.storage.db.selectFrom('media').select(['variants', 'kind']).where('id', '=', item.id).executeTakeFirstOrThrow();
      const mimes = new Set((JSON.parse(row.variants) as { mime: string }[]).map((v) => v.mime));
      assert.deepEqual([...mimes].sort(), ['image/avif', 'image/jpeg', 'image/webp']);
      const found = JSON.parse((await c.get(`/admin/api/media?kind=image&q=${encodeURIComponent('كتاب')}`)).body);
      assert.ok(found.items.some((m: { id: number }) => m.id === item.id), 'Arabic kaf finds the Persian word');
      const page = await c.get(`/admin/media/${item.id}`);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes('نمایشگاه کتاب تهران'));
    });

    it('refuses a file that is not what its name says, an empty file and an over-size one, storing nothing', async () => {
      const { c } = await signedIn('editor');
      const before = await mediaCount();
      const cases: [Parameters<typeof multipartBody>[0][number], number, string][] = [
        [{ name: 'photo.jpg', data: Buffer.from('<?php echo "not an image"; ?>'), type: 'image/jpeg' }, 415, 'media.unsupported_type'],
        [{ name: 'empty.png', data: Buffer.alloc(0), type: 'image/png' }, 400, 'media.empty'],
        [{ name: 'huge.png', data: Buffer.concat([png, Buffer.alloc(3 * 1024 * 1024)]), type: 'image/png' }, 413, 'media.too_large'],
        [{ name: 'cut.png', data: png.subarray(0, Math.floor(png.length / 2)), type: 'image/png' }, 400, 'media.corrupt'],
      ];
      for (const [file, status, code] of cases) {
        const res = await upload(c, [file]);
        assert.equal(res.statusCode, status, `${file.name}: ${res.body}`);
        assert.equal(JSON.parse(res.body).error.code, code);
      }
      const mixed = await upload(c, [{ name: 'good.png', data: png, type: 'image/png' }, { name: 'bad.jpg', data: Buffer.from('nope'), type: 'image/jpeg' }]);
      assert.equal(mixed.statusCode, 415);
      assert.equal(await mediaCount(), before, 'no row was added');
      assert.deepEqual(leftovers(), [], 'no temp file is left');
      const noToken = await upload(c, [{ name: 'photo.png', data: png, type: 'image/png' }], {}, null);
      assert.equal(noToken.statusCode, 403);
    });

    it('lets authors change only their own files; an editor can change anyone’s', async () => {
      const { c: author } = await signedIn('author');
      const { c: other } = await signedIn('author');
      const { item } = JSON.parse((await upload(author, [{ name: 'a.png', data: png, type: 'image/png' }])).body);
      assert.equal((await other.post(`/admin/media/${item.id}`, { alt: 'hijacked' })).statusCode, 403);
      assert.equal((await author.post(`/admin/media/${item.id}`, { alt: 'A green field', caption: 'Caption <b>text</b>' })).statusCode, 303);
      const { c: editor } = await signedIn('editor');
      assert.equal((await editor.post(`/admin/media/${item.id}`, { alt: 'A green field, edited', caption: '' })).statusCode, 303);
      const row = await site.storage.db.selectFrom('media').select('alt').where('id', '=', item.id).executeTakeFirstOrThrow();
      assert.equal(row.alt, 'A green field, edited');
    });

    it('asks before deleting a file in use, says where, and the public page uses the uploaded sizes until then', async () => {
      const { c } = await signedIn('editor');
      const evil = '"><script>alert(1)</script>';
      const { item } = JSON.parse((await upload(c, [{ name: 'cover.png', data: png, type: 'image/png' }], { alt: `Cover picture ${evil}` })).body);
      const adminPage = await c.get(`/admin/media/${item.id}`);
      assert.ok(adminPage.body.includes('Cover picture') && !adminPage.body.includes(evil), 'alt text is escaped in the newsroom');
      await c.get('/admin/items/new?edition=en&type=article');
      const saved = await c.post('/admin/items?edition=en&type=article', { title: 'Article with an uploaded image', status: 'published', featuredMediaId: String(item.id) });
      const articleId = Number(String(saved.headers.location).match(/items\/(\d+)/)![1]);
      const slug = (await site.storage.db.selectFrom('items').select('slug').where('id', '=', articleId).executeTakeFirstOrThrow()).slug;
      const pub = await getPage(site.app, `/${slug}/`);
      const avif = pub.doc.querySelector('picture source[type="image/avif"]');
      assert.ok(avif, 'an AVIF source');
      assert.match(avif!.getAttribute('srcset')!, /uploads\/.+ 320w/);
      assert.ok(pub.doc.querySelector('picture img')!.getAttribute('sizes'));
      assert.ok(!pub.body.includes(evil), 'and on the public page');

      const ask = await c.get(`/admin/media/${item.id}/delete`);
      assert.ok(ask.body.includes('Article with an uploaded image') && ask.body.includes('featured image'));
      const refused = await c.post(`/admin/media/${item.id}/delete`);
      assert.equal(refused.statusCode, 303);
      assert.equal(refused.headers.location, `/admin/media/${item.id}/delete`, 'in use and not confirmed: asked again');
      assert.ok(await site.storage.db.selectFrom('media').select('id').where('id', '=', item.id).executeTakeFirst());
      await c.get(`/admin/media/${item.id}/delete`);
      assert.equal((await c.post(`/admin/media/${item.id}/delete`, { force: 'yes' })).statusCode, 303);
      assert.equal(await site.storage.db.selectFrom('media').select('id').where('id', '=', item.id).executeTakeFirst(), undefined);
      const article = await site.storage.db.selectFrom('items').select('featured_media_id').where('id', '=', articleId).executeTakeFirstOrThrow();
      assert.equal(article.featured_media_id, null);
    });
  });
}
