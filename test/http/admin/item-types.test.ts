import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { parse } from 'node-html-parser';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { multipartBody } from '../../support/multipart.js';
import { makeUser, NewsroomClient } from '../../support/newsroom.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

const idFrom = (location: unknown) => Number(String(location).match(/\/admin\/items\/(\d+)/)?.[1]);
type Form = Record<string, string | string[]>;

for (const dialect of DIALECTS) {
  describe(`newsroom editor for media and publications on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let editor: NewsroomClient;
    const images: number[] = [];
    let pdf = 0;
    let video = 0;
    let png: Buffer;

    before(async () => {
      site = await openTestSite(dialect, { seed: false });
      editor = await signedIn('editor');
      for (const colour of ['#264653', '#e76f51', '#2a9d8f']) {
        png = await sharp({ create: { width: 640, height: 480, channels: 3, background: colour } }).png().toBuffer();
        const res = await uploadTo(editor, '/admin/media?format=json', [{ name: `${colour.slice(1)}.png`, data: png, type: 'image/png' }]);
        assert.equal(res.statusCode, 201, res.body);
        images.push(JSON.parse(res.body).item.id);
      }
      const now = new Date().toISOString();
      pdf = (await site.storage.db.insertInto('media').values({ kind: 'pdf', path: 'x/brief.pdf', mime: 'application/pdf', width: null, height: null, created_at: now, original_name: 'brief.pdf' }).returning('id').executeTakeFirstOrThrow()).id;
      video = (await site.storage.db.insertInto('media').values({ kind: 'video', path: 'x/clip.mp4', mime: 'video/mp4', width: null, height: null, created_at: now, original_name: 'clip.mp4' }).returning('id').executeTakeFirstOrThrow()).id;
    });
    after(() => site?.close());

    async function signedIn(role: 'administrator' | 'editor' | 'author' | 'contributor') {
      const user = await makeUser(site.storage.db, role);
      const c = new NewsroomClient(site.app);
      assert.equal((await c.signIn(user.email)).statusCode, 303);
      return c;
    }

    function uploadTo(c: NewsroomClient, url: string, files: Parameters<typeof multipartBody>[0], json = true) {
      const body = multipartBody(files);
      return c.request({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, 'x-csrf-token': c.csrf, ...(json ? { accept: 'application/json' } : {}) } });
    }

    /** Opens the editor for a new item and posts the form, as a browser would. */
    async function create(c: NewsroomClient, edition: string, type: string, form: Form) {
      const page = await c.get(`/admin/items/new?edition=${edition}&type=${type}`);
      assert.equal(page.statusCode, 200, `${type}: ${page.body.slice(0, 300)}`);
      return c.post(`/admin/items?edition=${edition}&type=${type}`, form);
    }

    async function created(c: NewsroomClient, edition: string, type: string, form: Form): Promise<number> {
      const res = await create(c, edition, type, form);
      assert.equal(res.statusCode, 303, `${type}: ${res.body.slice(0, 800)}`);
      return idFrom(res.headers.location);
    }

    const row = (id: number) => site.storage.db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const details = async (id: number) => JSON.parse((await row(id)).details) as Record<string, unknown>;
    const photosOf = (id: number) => site.storage.db.selectFrom('gallery_photos').select(['media_id', 'caption', 'credit']).where('item_id', '=', id).orderBy('position').execute();
    const revisionCount = async (id: number) => (await site.storage.db.selectFrom('item_revisions').select('id').where('item_id', '=', id).execute()).length;
    const itemCount = async () => (await site.storage.db.selectFrom('items').select('id').execute()).length;

    let periodical = 0;
    let article = 0;

    it('saves every new type through the editor form, and shows the type’s fields again', async () => {
      article = await created(editor, 'en', 'article', { title: 'A story inside the issue', status: 'published' });
      periodical = await created(editor, 'en', 'periodical', { title: 'Newsletter', bodyHtml: '<p>Monthly news.</p>', featuredMediaId: String(images[0]), status: 'published' });

      const cartoon = await created(editor, 'en', 'cartoon', { title: 'The long queue', featuredMediaId: String(images[1]), caption: 'Waiting for bread', credit: 'M. Artist', status: 'published' });
      assert.deepEqual(await details(cartoon), { caption: 'Waiting for bread', credit: 'M. Artist' });
      assert.equal((await row(cartoon)).featured_media_id, images[1]);
      const newspic = await created(editor, 'fa', 'newspic', { title: 'بازار تهران', featuredMediaId: String(images[2]), caption: 'صبح بازار', credit: 'عکاس', status: 'draft' });
      assert.deepEqual(await details(newspic), { caption: 'صبح بازار', credit: 'عکاس' });

      const vid = await created(editor, 'en', 'video', { title: 'Interview', videoMediaId: String(video), externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', credit: 'Studio', featuredMediaId: String(images[0]), status: 'published' });
      assert.deepEqual(await details(vid), { videoMediaId: video, externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', credit: 'Studio' });

      const book = await created(editor, 'en', 'book', {
        title: 'Rivers of the plateau', bookAuthor: 'A. Writer', publisher: 'Plateau Press', year: '2021', language: 'English', pdfMediaId: String(pdf),
        purchaseUrl: 'https://shop.example/rivers', featuredMediaId: String(images[1]), status: 'published',
      });
      assert.deepEqual(await details(book), { bookAuthor: 'A. Writer', publisher: 'Plateau Press', year: 2021, language: 'English', pdfMediaId: pdf, purchaseUrl: 'https://shop.example/rivers' });

      // "New issue" from the periodical's page starts in that periodical.
      const periodicalPage = parse((await editor.get(`/admin/items/${periodical}`)).body);
      const newIssue = periodicalPage.querySelector(`a[href="/admin/items/new?edition=en&type=issue&parent=${periodical}"]`);
      assert.ok(newIssue, 'the periodical offers "New issue"');
      const issueForm = parse((await editor.get(newIssue.getAttribute('href')!)).body);
      assert.equal(issueForm.querySelector('select[name="parentId"] option[selected]')?.getAttribute('value'), String(periodical));
      assert.ok(issueForm.querySelector(`select[name="contents[0][itemId]"] option[value="${article}"]`), 'published articles can be linked');
      const issue = await editor.post('/admin/items?edition=en&type=issue', {
        title: 'Newsletter No. 12', parentId: String(periodical), number: '12', pdfMediaId: String(pdf), status: 'published',
        contentsRow: ['0', '1', '2', '3'], 'contents[0][title]': 'Editorial', 'contents[0][itemId]': '', 'contents[1][title]': 'The story', 'contents[1][itemId]': String(article),
        'contents[2][title]': '', 'contents[2][itemId]': '', 'contents[3][title]': '', 'contents[3][itemId]': '',
      });
      assert.equal(issue.statusCode, 303, issue.body.slice(0, 500));
      const issueId = idFrom(issue.headers.location);
      assert.deepEqual(await details(issueId), { number: 12, pdfMediaId: pdf, contents: [{ title: 'Editorial', itemId: null }, { title: 'The story', itemId: article }] });
      assert.equal((await row(issueId)).parent_id, periodical);

      const gallery = await created(editor, 'en', 'gallery', { title: 'Spring in the mountains', featuredMediaId: String(images[0]), addPhotoIds: [String(images[2]), String(images[1])], status: 'draft' });
      assert.deepEqual((await photosOf(gallery)).map((p) => p.media_id), [images[2], images[1]]);

      // Each editor shows the type's own fields with what was saved.
      const shown: [number, string[]][] = [
        [cartoon, ['Cartoon image', 'Waiting for bread', 'M. Artist']],
        [newspic, ['Photo', 'صبح بازار']],
        [vid, ['Poster', 'Uploaded video', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ']],
        [book, ['Cover', 'Plateau Press', 'value="2021"', 'https://shop.example/rivers']],
        [issueId, ['Inside this issue', 'Editorial', 'value="12"']],
        [gallery, ['Gallery cover', 'Photos', 'Move up', 'data-media-upload']],
        [periodical, ['Newsletter No. 12', 'New issue']],
      ];
      for (const [id, texts] of shown) {
        const page = await editor.get(`/admin/items/${id}`);
        assert.equal(page.statusCode, 200);
        for (const t of texts) assert.ok(page.body.includes(t), `${id} shows ${t}`);
      }
      const periodicalForm = (await editor.get(`/admin/items/${periodical}`)).body;
      assert.ok(!periodicalForm.includes('name="categoryId"') && !periodicalForm.includes('name="sourceLine"'), 'a periodical has no category or source line');

      // Saving an item again keeps its type's fields (the edit form sends them back).
      const again = await editor.post(`/admin/items/${book}`, {
        title: 'Rivers of the plateau', slug: 'rivers-of-the-plateau', bookAuthor: 'A. Writer', publisher: 'Plateau Press', year: '2022', language: 'English', pdfMediaId: String(pdf),
        purchaseUrl: 'https://shop.example/rivers', featuredMediaId: String(images[1]), status: 'published',
      });
      assert.equal(again.statusCode, 303);
      assert.equal((await details(book)).year, 2022);
    });

    it('lists every type with its own title and "New …" buttons per edition', async () => {
      const names: Record<string, [string, string]> = {
        cartoon: ['Cartoons', 'New cartoon · English'], newspic: ['NewsPics', 'New NewsPic · Farsi'], gallery: ['Galleries', 'New gallery'], video: ['Videos', 'New video'],
        book: ['Books', 'New book'], periodical: ['Periodicals', 'New periodical'], issue: ['Issues', 'New issue'],
      };
      for (const [type, [title, button]] of Object.entries(names)) {
        const page = parse((await editor.get(`/admin/items?type=${type}`)).body);
        assert.equal(page.querySelector('h1')?.text, title);
        assert.ok(page.querySelectorAll('a.button').some((a) => a.text.startsWith(button)), `${type}: ${button}`);
        assert.ok(page.querySelector(`select[name="type"] option[value="${type}"][selected]`), `${type} is a filter`);
        assert.ok(page.querySelector('nav[aria-label="Newsroom"]')?.querySelector(`a[href="/admin/items?type=${type}"]`), `${type} in the menu`);
      }
      const cartoons = (await editor.get('/admin/items?type=cartoon')).body;
      assert.ok(cartoons.includes('The long queue') && !cartoons.includes('Rivers of the plateau'));
    });

    it('refuses bad input for each type with 400 and saves nothing', async () => {
      const faPeriodical = await created(editor, 'fa', 'periodical', { title: 'پارس بریف', status: 'published' });
      const faArticle = await created(editor, 'fa', 'article', { title: 'گزارش', status: 'published' });
      const cases: [string, string, Form][] = [
        ['book', 'a year that is not a number', { title: 'Bad book', year: 'MMXX', status: 'draft' }],
        ['book', 'a year out of range', { title: 'Bad book', year: '99', status: 'draft' }],
        ['book', 'a javascript: purchase link', { title: 'Bad book', purchaseUrl: 'javascript:alert(1)', status: 'draft' }],
        ['book', 'an unknown PDF', { title: 'Bad book', pdfMediaId: '999999', status: 'draft' }],
        ['video', 'an unknown video', { title: 'Bad video', videoMediaId: '999999', status: 'draft' }],
        ['video', 'a javascript: address', { title: 'Bad video', externalUrl: 'javascript:alert(1)', status: 'draft' }],
        ['cartoon', 'publishing without the image', { title: 'Bad cartoon', caption: 'x', status: 'published' }],
        ['newspic', 'an unknown image', { title: 'Bad newspic', featuredMediaId: '999999', status: 'draft' }],
        ['issue', 'no periodical', { title: 'Bad issue', number: '1', status: 'draft' }],
        ['issue', 'a periodical of another edition', { title: 'Bad issue', parentId: String(faPeriodical), status: 'draft' }],
        ['issue', 'an article as periodical', { title: 'Bad issue', parentId: String(article), status: 'draft' }],
        ['issue', 'a negative number', { title: 'Bad issue', parentId: String(periodical), number: '-3', status: 'draft' }],
        ['issue', 'contents linking an item of another edition', { title: 'Bad issue', parentId: String(periodical), contentsRow: '0', 'contents[0][title]': 'x', 'contents[0][itemId]': String(faArticle), status: 'draft' }],
        ['issue', 'a linked entry without a title', { title: 'Bad issue', parentId: String(periodical), contentsRow: '0', 'contents[0][title]': '', 'contents[0][itemId]': String(article), status: 'draft' }],
        ['article', 'photos on an article', { title: 'Bad article', photoRow: '0', 'photos[0][mediaId]': String(images[0]), status: 'draft' }],
        ['book', 'photos on a book', { title: 'Bad book', addPhotoIds: String(images[0]), status: 'draft' }],
        ['gallery', 'an unknown photo', { title: 'Bad gallery', photoRow: '0', 'photos[0][mediaId]': '999999', status: 'draft' }],
        ['gallery', 'a photo id that is not a number', { title: 'Bad gallery', photoRow: '0', 'photos[0][mediaId]': 'abc', status: 'draft' }],
      ];
      const before = await itemCount();
      for (const [type, what, form] of cases) {
        const res = await create(editor, 'en', type, form);
        assert.equal(res.statusCode, 400, `${type} with ${what}: ${res.statusCode}`);
        assert.ok(parse(res.body).querySelector('.notice-error'), `${type} with ${what}: the error is shown`);
      }
      assert.equal(await itemCount(), before, 'nothing was saved');

      // An existing item stays as it was when a change is refused.
      const book = await created(editor, 'en', 'book', { title: 'Good book', year: '1999', status: 'draft' });
      const revisions = await revisionCount(book);
      await editor.get(`/admin/items/${book}`);
      assert.equal((await editor.post(`/admin/items/${book}`, { title: 'Good book', slug: 'good-book', year: '20200', status: 'draft' })).statusCode, 400);
      assert.equal((await details(book)).year, 1999);
      assert.equal(await revisionCount(book), revisions);
    });

    it('uploads photos into a gallery, reorders them, edits captions and removes one — all kept, with revisions', async () => {
      const gallery = await created(editor, 'en', 'gallery', { title: 'Harvest', status: 'draft' });
      await editor.get(`/admin/items/${gallery}`);
      const first = await site.storage.db.selectFrom('media').select('id').execute();
      const two = await uploadTo(editor, `/admin/items/${gallery}/photos?format=json`, [
        { name: 'one.png', data: await sharp({ create: { width: 300, height: 200, channels: 3, background: '#111' } }).png().toBuffer(), type: 'image/png' },
        { name: 'two.png', data: await sharp({ create: { width: 300, height: 200, channels: 3, background: '#eee' } }).png().toBuffer(), type: 'image/png' },
      ]);
      assert.equal(two.statusCode, 201, two.body);
      const uploaded = (JSON.parse(two.body).items as { id: number; url: string }[]).map((i) => i.id);
      assert.equal(uploaded.length, 2);
      // Without JavaScript the upload form posts and comes back to the editor.
      const third = await uploadTo(editor, `/admin/items/${gallery}/photos`, [{ name: 'three.png', data: png, type: 'image/png' }], false);
      assert.equal(third.statusCode, 303);
      assert.equal(third.headers.location, `/admin/items/${gallery}?notice=photos#photos`);
      const stored = await photosOf(gallery);
      assert.equal(stored.length, 3);
      assert.deepEqual(stored.slice(0, 2).map((p) => p.media_id), uploaded);
      const [a, b, c] = stored.map((p) => p.media_id) as [number, number, number];
      assert.equal(await revisionCount(gallery), 3, 'each upload is a saved revision');

      // The editor lists them with thumbnails and fields; the form sends them back reordered, captioned, one removed.
      const page = parse((await editor.get(`/admin/items/${gallery}`)).body);
      const rows = page.querySelectorAll('ol[data-sortable] > li');
      assert.equal(rows.length, 3);
      assert.ok(rows[0]!.querySelector('img.photo-thumb'));
      assert.equal(rows[0]!.querySelector('input[name="photos[0][mediaId]"]')?.getAttribute('value'), String(a));
      const save = await editor.post(`/admin/items/${gallery}`, {
        title: 'Harvest', slug: 'harvest', status: 'draft',
        photoRow: ['2', '0', '1'],
        'photos[0][mediaId]': String(a), 'photos[0][caption]': 'First light', 'photos[0][credit]': 'R. Photographer',
        'photos[1][mediaId]': String(b), 'photos[1][caption]': 'gone', 'photos[1][credit]': '', 'photos[1][remove]': '1',
        'photos[2][mediaId]': String(c), 'photos[2][caption]': 'عصر', 'photos[2][credit]': '',
      });
      assert.equal(save.statusCode, 303, save.body.slice(0, 500));
      assert.deepEqual(await photosOf(gallery), [
        { media_id: c, caption: 'عصر', credit: '' },
        { media_id: a, caption: 'First light', credit: 'R. Photographer' },
      ]);
      const latest = await site.storage.db.selectFrom('item_revisions').select('snapshot').where('item_id', '=', gallery).orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.deepEqual((JSON.parse(latest.snapshot) as { photos: { mediaId: number }[] }).photos.map((p) => p.mediaId), [c, a], 'the revision keeps the photos in order');

      // "Move down" without JavaScript saves the new order at once.
      const moved = await editor.post(`/admin/items/${gallery}/photos/move`, { move: 'down:0' });
      assert.equal(moved.statusCode, 303);
      assert.deepEqual((await photosOf(gallery)).map((p) => p.media_id), [a, c]);
      assert.deepEqual((await photosOf(gallery))[0], { media_id: a, caption: 'First light', credit: 'R. Photographer' });
      assert.equal((await editor.post(`/admin/items/${gallery}/photos/move`, { move: 'sideways:0' })).statusCode, 400);

      // Only images join a gallery, and only galleries take photos; a refused upload leaves no file behind.
      const mediaBefore = (await site.storage.db.selectFrom('media').select('id').execute()).length;
      const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const notImage = await uploadTo(editor, `/admin/items/${gallery}/photos?format=json`, [{ name: 'doc.pdf', data: pdfBytes, type: 'application/pdf' }]);
      assert.ok(notImage.statusCode >= 400 && notImage.statusCode < 500, String(notImage.statusCode));
      const book = await created(editor, 'en', 'book', { title: 'No photos here', status: 'draft' });
      const onBook = await uploadTo(editor, `/admin/items/${book}/photos?format=json`, [{ name: 'x.png', data: png, type: 'image/png' }]);
      assert.equal(onBook.statusCode, 400);
      assert.equal((await site.storage.db.selectFrom('media').select('id').execute()).length, mediaBefore);
      assert.equal((await photosOf(gallery)).length, 2);
      assert.ok(first.length > 0);
    });

    it('keeps an old file chosen in its picker when the library has grown past the list’s length', async () => {
      const book = await created(editor, 'en', 'book', { title: 'An old cover', featuredMediaId: String(images[0]), pdfMediaId: String(pdf), status: 'draft' });
      const now = new Date().toISOString();
      await site.storage.db.insertInto('media').values(Array.from({ length: 210 }, (_, i) => ({ kind: i % 2 ? 'image' : 'pdf', path: `x/filler-${i}`, mime: i % 2 ? 'image/png' : 'application/pdf', width: 10, height: 10, created_at: now }))).execute();
      await site.storage.db.insertInto('media').values(Array.from({ length: 110 }, (_, i) => ({ kind: 'image', path: `x/more-${i}`, mime: 'image/png', width: 10, height: 10, created_at: now }))).execute();
      const page = parse((await editor.get(`/admin/items/${book}`)).body);
      assert.equal(page.querySelector('select[name="featuredMediaId"] option[selected]')?.getAttribute('value'), String(images[0]));
      assert.equal(page.querySelector('select[name="pdfMediaId"] option[selected]')?.getAttribute('value'), String(pdf));
    });

    it('keeps a contributor from publishing any type, and out of galleries it may not edit', async () => {
      const c = await signedIn('contributor');
      const forms: Record<string, Form> = {
        cartoon: { featuredMediaId: String(images[0]) }, newspic: { featuredMediaId: String(images[0]) }, gallery: {}, video: { externalUrl: 'https://vimeo.com/1' },
        book: { year: '2020' }, periodical: {}, issue: { parentId: String(periodical), number: '1' },
      };
      const before = await itemCount();
      for (const [type, form] of Object.entries(forms)) {
        for (const status of ['published', 'scheduled']) {
          const res = await create(c, 'en', type, { title: `Contributor ${type}`, status, publishedAt: status === 'scheduled' ? '2099-01-01T10:00' : '', ...form });
          assert.equal(res.statusCode, 403, `${type} ${status}`);
        }
      }
      assert.equal(await itemCount(), before);
      const draft = await created(c, 'en', 'issue', { title: 'Contributor issue', parentId: String(periodical), status: 'pending' });
      assert.equal((await row(draft)).status, 'pending');
      // Someone else's published gallery: no uploads, no moves.
      const gallery = await created(editor, 'en', 'gallery', { title: 'Editors only', addPhotoIds: [String(images[0]), String(images[1])], status: 'published' });
      await c.get('/admin');
      assert.equal((await uploadTo(c, `/admin/items/${gallery}/photos?format=json`, [{ name: 'x.png', data: png, type: 'image/png' }])).statusCode, 403);
      assert.equal((await c.post(`/admin/items/${gallery}/photos/move`, { move: 'down:0' })).statusCode, 403);
      assert.deepEqual((await photosOf(gallery)).map((p) => p.media_id), [images[0], images[1]]);
    });
  });
}
