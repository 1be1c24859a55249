import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { createItem } from '../../../src/modules/content/index.js';
import { deleteMedia, findMediaUsage, getMedia, listMedia, MediaError, storeUpload, updateMediaMeta, type MediaRecord } from '../../../src/modules/media/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { PDF_BYTES, withLibrary, type TestLibrary } from './media-test-library.js';

const MB = 1024 * 1024;

async function uploadImage(lib: TestLibrary, meta: { alt?: string; caption?: string; title?: string; name?: string } = {}): Promise<MediaRecord> {
  const png = await sharp({ create: { width: 700, height: 400, channels: 3, background: '#1d3557' } }).png().toBuffer();
  return storeUpload(lib.db, lib.mediaDir, { tempPath: lib.incoming(png), originalName: meta.name ?? 'photo.png', uploadedBy: lib.userId, maxBytes: MB, ...meta });
}

async function uploadPdf(lib: TestLibrary, name: string): Promise<MediaRecord> {
  return storeUpload(lib.db, lib.mediaDir, { tempPath: lib.incoming(PDF_BYTES), originalName: name, uploadedBy: lib.userId, maxBytes: MB, preview: false });
}

function article(edition: string, slug: string, extra: { featuredMediaId?: number; bodyHtml?: string } = {}) {
  return { edition, type: 'article', slug, title: `Title ${slug}`, status: 'published' as const, publishedAt: new Date().toISOString(), ...extra };
}

for (const dialect of DIALECTS) {
  describe(`the media library on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    it('finds items by Persian alt text, whichever keyboard typed the yeh, and by file name in any case', async () => {
      await withLibrary(dialect, async (lib) => {
        const tehran = await uploadImage(lib, { alt: 'نمای شب تهران از برج میلاد', name: 'tehran.png' });
        const beirut = await uploadImage(lib, { alt: 'مرفأ بيروت عند الغروب', caption: 'Beirut harbour', name: 'port.png' });
        const report = await uploadPdf(lib, 'Annual-Report-2024.PDF');

        const ids = async (q: string, kind?: 'image' | 'pdf') => (await listMedia(lib.db, { q, kind })).items.map((m) => m.id);
        assert.deepEqual(await ids('برج میلاد'), [tehran.id]);
        assert.deepEqual(await ids('برج ميلاد'), [tehran.id], 'Arabic yeh finds Persian yeh');
        assert.deepEqual(await ids('بیروت'), [beirut.id], 'Persian yeh finds Arabic yeh');
        assert.deepEqual(await ids('HARBOUR'), [beirut.id]);
        assert.deepEqual(await ids('annual-report'), [report.id]);
        assert.deepEqual(await ids('100%'), [], 'LIKE wildcards in the query are literal');
        assert.deepEqual(await ids('report', 'image'), []);
        assert.deepEqual(await ids('', 'pdf'), [report.id]);
      });
    });

    it('lists newest first, one page at a time', async () => {
      await withLibrary(dialect, async (lib) => {
        const made = [];
        for (const name of ['a.pdf', 'b.pdf', 'c.pdf']) made.push(await uploadPdf(lib, name));
        const first = await listMedia(lib.db, { page: 1, perPage: 2 });
        const second = await listMedia(lib.db, { page: 2, perPage: 2 });
        assert.deepEqual(first.items.map((m) => m.originalName), ['c.pdf', 'b.pdf']);
        assert.equal(first.hasMore, true);
        assert.deepEqual(second.items.map((m) => m.originalName), ['a.pdf']);
        assert.equal(second.hasMore, false);
        await assert.rejects(listMedia(lib.db, { perPage: 1000 }), (e) => e instanceof MediaError && e.code === 'media.invalid_input');
      });
    });

    it('changes alt text, caption, title and credit, and finds the item by the new text', async () => {
      await withLibrary(dialect, async (lib) => {
        const media = await uploadImage(lib, { alt: 'old' });
        const updated = await updateMediaMeta(lib.db, media.id, { alt: '  نمای دریا  ', credit: 'AFP' });
        assert.deepEqual([updated.alt, updated.caption, updated.credit], ['نمای دریا', '', 'AFP']);
        assert.ok(updated.updatedAt);
        assert.deepEqual((await listMedia(lib.db, { q: 'دریا' })).items.map((m) => m.id), [media.id]);
        assert.deepEqual((await listMedia(lib.db, { q: 'old' })).items, []);
        await assert.rejects(updateMediaMeta(lib.db, media.id, { alt: 'x'.repeat(1001) }), (e) => e instanceof MediaError && e.code === 'media.invalid_input');
        await assert.rejects(updateMediaMeta(lib.db, 999_999, { alt: 'x' }), (e) => e instanceof MediaError && e.code === 'media.not_found');
        assert.equal((await getMedia(lib.db, media.id)).alt, 'نمای دریا');
      });
    });

    it('says where an item is used: as a featured image and in bodies, by any of its files', async () => {
      await withLibrary(dialect, async (lib) => {
        const media = await uploadImage(lib);
        const other = await uploadImage(lib);
        const webp = media.variants.find((v) => v.mime === 'image/webp')!;
        const featured = await createItem(lib.db, article('en', 'featured', { featuredMediaId: media.id }));
        const inBody = await createItem(lib.db, article('fa', 'در-متن', { bodyHtml: `<figure><img src="${webp.url}" alt="x"></figure>` }));
        await createItem(lib.db, article('en', 'unrelated', { featuredMediaId: other.id, bodyHtml: `<p><img src="${other.url}" alt="y"></p>` }));

        assert.deepEqual(await findMediaUsage(lib.db, media.id), [
          { itemId: featured, title: 'Title featured', edition: 'en', type: 'article', how: 'featured' },
          { itemId: inBody, title: 'Title در-متن', edition: 'fa', type: 'article', how: 'body' },
        ]);
      });
    });

    it('refuses to delete an item in use, naming where, and deletes it with its files when forced', async () => {
      await withLibrary(dialect, async (lib) => {
        const media = await uploadImage(lib);
        const keep = await uploadPdf(lib, 'keep.pdf');
        const itemId = await createItem(lib.db, article('en', 'story', { featuredMediaId: media.id, bodyHtml: `<p><img src="${media.url}" alt=""></p>` }));

        await assert.rejects(deleteMedia(lib.db, lib.mediaDir, media.id), (e) => {
          assert.ok(e instanceof MediaError);
          assert.equal(e.code, 'media.in_use');
          assert.deepEqual(e.usage.map((u) => [u.itemId, u.how]), [[itemId, 'body'], [itemId, 'featured']]);
          return true;
        });
        assert.equal((await getMedia(lib.db, media.id)).id, media.id, 'nothing deleted');
        for (const v of media.variants) assert.ok(existsSync(join(lib.mediaDir, v.path)));

        await deleteMedia(lib.db, lib.mediaDir, media.id, { force: true });
        await assert.rejects(getMedia(lib.db, media.id), (e) => e instanceof MediaError && e.code === 'media.not_found');
        assert.deepEqual(lib.files(), [keep.path], 'only the other item’s file is left');
        const item = await lib.db.selectFrom('items').select('featured_media_id').where('id', '=', itemId).executeTakeFirstOrThrow();
        assert.equal(item.featured_media_id, null);
      });
    });

    it('deletes an unused item without asking', async () => {
      await withLibrary(dialect, async (lib) => {
        const pdf = await uploadPdf(lib, 'old.pdf');
        await deleteMedia(lib.db, lib.mediaDir, pdf.id);
        assert.deepEqual(lib.files(), []);
        await assert.rejects(deleteMedia(lib.db, lib.mediaDir, pdf.id), (e) => e instanceof MediaError && e.code === 'media.not_found');
      });
    });
  });
}
