import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { createItem, readDetails } from '../../../src/modules/content/index.js';
import { PERIODICALS } from '../../../src/modules/demo/demo-plan.js';
import { demoEditions } from '../../../src/modules/demo/editions/index.js';
import { seedDemo } from '../../../src/modules/demo/seed.js';
import { defaultEditions } from '../../../src/modules/editions/edition.js';
import type { Storage } from '../../../src/storage/database.js';
import { migrateToLatest } from '../../../src/storage/migrations/index.js';
import { DIALECTS, dialectSkipReason, freshStorage } from '../../support/dialects.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

/** The same folder the test sites use, so the generated files are made once for all of them. */
const MEDIA_DIR = join(tmpdir(), 'nashr-test-data', 'media');
const CODES = defaultEditions.map((e) => e.code);
const HAS_FFMPEG = (() => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Sections the public site routes itself; any other menu target must be a published item. */
const SECTIONS = new Set(['/', '/articles/', '/cartoons/', '/newspics/', '/gallery/', '/videos/', '/books/', '/newsletter/', '/pars-brief/']);
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

interface Row {
  id: number;
  edition: string;
  type: string;
  slug: string;
  title: string;
  status: string;
  published_at: string;
  parent_id: number | null;
  featured_media_id: number | null;
  translation_key: string | null;
  details: string;
}

for (const dialect of DIALECTS) {
  describe(`the demo content on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let fresh: { storage: Storage; dispose(): Promise<void> };
    let items: Row[];
    let media: Map<number, { id: number; kind: string; path: string; mime: string; alt: string }>;
    const ofType = (edition: string, type: string) => items.filter((i) => i.edition === edition && i.type === type);
    const details = (row: Row) => readDetails(row.type, row.details);

    before(async () => {
      fresh = await freshStorage(dialect);
      await migrateToLatest(fresh.storage.db);
      await seedDemo(fresh.storage.db, defaultEditions, { mediaDir: MEDIA_DIR, referencesLabel: () => 'References' });
      items = (await fresh.storage.db
        .selectFrom('items')
        .select(['id', 'edition', 'type', 'slug', 'title', 'status', 'published_at', 'parent_id', 'featured_media_id', 'translation_key', 'details'])
        .orderBy('id')
        .execute()) as Row[];
      const rows = await fresh.storage.db.selectFrom('media').select(['id', 'kind', 'path', 'mime', 'alt']).execute();
      media = new Map(rows.map((r) => [r.id, r]));
    });
    after(() => fresh?.dispose());

    it('has every type in every edition, published, titled in the edition’s script, with a featured image of its own', () => {
      const minimum: Record<string, number> = { article: 40, page: 2, cartoon: 12, newspic: 12, gallery: 3, video: 4, book: 5, periodical: 2, issue: 10 };
      for (const code of CODES) {
        for (const [type, n] of Object.entries(minimum)) {
          const rows = ofType(code, type);
          assert.ok(rows.length >= n, `${code}: ${rows.length} ${type} items, expected ${n}+`);
          for (const r of rows) {
            assert.equal(r.status, 'published', `${code} ${type} ${r.slug}`);
            assert.equal(ARABIC_SCRIPT.test(r.title), code === 'ar' || code === 'fa', `${code}: "${r.title}" is not in the edition's script`);
            if (type !== 'page' && type !== 'periodical') {
              const m = media.get(r.featured_media_id ?? -1);
              assert.equal(m?.kind, 'image', `${code} ${type} ${r.slug}: featured image`);
              assert.ok(m!.alt.length > 0, `${code} ${type} ${r.slug}: alt text`);
            }
          }
        }
        // Two pages of the grid, dates spread over years.
        for (const type of ['cartoon', 'newspic']) {
          const years = new Set(ofType(code, type).map((r) => r.published_at.slice(0, 4)));
          assert.ok(years.size >= 3, `${code} ${type}: ${[...years].join(', ')}`);
          for (const r of ofType(code, type)) assert.ok(String(details(r).caption).length > 0 && String(details(r).credit).length > 0);
        }
      }
      // Each edition has its own media rows (its own alt text), even where files are shared.
      const owners = new Map<number, string>();
      for (const r of items) {
        if (r.featured_media_id === null || r.type === 'article') continue;
        const owner = owners.get(r.featured_media_id);
        assert.ok(owner === undefined || owner === r.edition, `media ${r.featured_media_id} is used by ${owner} and ${r.edition}`);
        owners.set(r.featured_media_id, r.edition);
      }
    });

    it('links the same piece across editions with one translation key per edition', () => {
      const byKey = new Map<string, string[]>();
      for (const r of items) if (r.translation_key) byKey.set(r.translation_key, [...(byKey.get(r.translation_key) ?? []), r.edition]);
      for (const type of ['cartoon', 'newspic', 'gallery', 'video', 'book', 'periodical', 'issue']) {
        const keys = [...byKey.keys()].filter((k) => k.startsWith(`${type}:`));
        assert.ok(keys.length > 0, type);
        for (const k of keys) assert.deepEqual(byKey.get(k)!.sort(), [...CODES].sort(), k);
      }
    });

    it('gives every gallery 6 to 9 photos in order, each an image with a caption and a credit', async () => {
      for (const code of CODES) {
        for (const g of ofType(code, 'gallery')) {
          const photos = await fresh.storage.db.selectFrom('gallery_photos').selectAll().where('item_id', '=', g.id).orderBy('position').execute();
          assert.ok(photos.length >= 6 && photos.length <= 9, `${code} ${g.slug}: ${photos.length} photos`);
          assert.deepEqual(photos.map((p) => p.position), photos.map((_, i) => i));
          for (const p of photos) {
            assert.equal(media.get(p.media_id)?.kind, 'image');
            assert.ok(p.caption && p.credit);
          }
          assert.equal(g.featured_media_id, photos[0]!.media_id, 'the cover is the first photo');
        }
      }
    });

    it('has uploaded videos (when ffmpeg is installed) and external links, each with a poster', async () => {
      for (const code of CODES) {
        let uploaded = 0;
        let external = 0;
        for (const v of ofType(code, 'video')) {
          const d = details(v);
          if (d.videoMediaId !== null) {
            const m = media.get(d.videoMediaId as number);
            assert.equal(m?.kind, 'video');
            assert.equal(m!.mime, 'video/mp4');
            const head = (await readFile(join(MEDIA_DIR, m!.path))).subarray(4, 8).toString('latin1');
            assert.equal(head, 'ftyp', `${m!.path} is an MP4`);
            uploaded++;
          } else {
            assert.match(String(d.externalUrl), /^https:\/\/(www\.youtube\.com|vimeo\.com)\//);
            external++;
          }
        }
        assert.equal(uploaded, HAS_FFMPEG ? 2 : 0, `${code}: uploaded videos`);
        assert.equal(external, HAS_FFMPEG ? 2 : 4, `${code}: external videos`);
      }
    });

    it('describes every book; three have a PDF and two a purchase link', () => {
      for (const code of CODES) {
        const books = ofType(code, 'book').map(details);
        for (const b of books) {
          assert.ok(b.bookAuthor && b.publisher && b.language, JSON.stringify(b));
          assert.ok((b.year as number) >= 2000);
        }
        assert.equal(books.filter((b) => b.pdfMediaId !== null && media.get(b.pdfMediaId as number)?.kind === 'pdf').length, 3, code);
        assert.equal(books.filter((b) => /^https:\/\//.test(String(b.purchaseUrl))).length, 2, code);
      }
    });

    it('publishes Newsletter and Pars Brief with numbered issues over several years, each with a PDF and contents linking published articles of its edition', () => {
      for (const code of CODES) {
        for (const plan of PERIODICALS) {
          const periodical = ofType(code, 'periodical').find((p) => p.slug === plan.slug);
          assert.ok(periodical, `${code}: ${plan.slug}`);
          assert.equal(periodical.title, demoEditions[code]!.publications[plan.key].title);
          assert.equal(periodical.title, demoEditions[code]!.menu[plan.key], 'the menu names it as its page does');
          const issues = ofType(code, 'issue').filter((i) => i.parent_id === periodical.id);
          assert.ok(issues.length >= 5 && issues.length <= 6, `${code} ${plan.slug}: ${issues.length} issues`);
          assert.ok(new Set(issues.map((i) => i.published_at.slice(0, 4))).size >= 2, 'issues span years');
          const numbers = issues.map((i) => details(i).number as number);
          assert.equal(new Set(numbers).size, numbers.length, 'numbers are unique');
          for (const issue of issues) {
            const d = details(issue);
            assert.equal(media.get(d.pdfMediaId as number)?.kind, 'pdf', `${code} ${issue.slug}: PDF`);
            const contents = d.contents as { title: string; itemId: number | null }[];
            assert.ok(contents.length >= 3 && contents.length <= 5, `${code} ${issue.slug}: ${contents.length} entries`);
            const linked = contents.filter((c) => c.itemId !== null);
            assert.ok(linked.length > contents.length / 2, 'most entries link an article');
            for (const c of linked) {
              const target = items.find((i) => i.id === c.itemId);
              assert.equal(target?.edition, code, `${issue.slug}: "${c.title}" is of another edition`);
              assert.equal(target.type, 'article');
              assert.equal(target.status, 'published');
              assert.equal(target.title, c.title);
              assert.ok(target.published_at < issue.published_at, 'an issue gathers articles published before it');
            }
          }
        }
      }
    });

    it('stores real PDFs on disk: they start with %PDF and pdf-lib reads them', async () => {
      const paths = new Set([...media.values()].filter((m) => m.kind === 'pdf').map((m) => m.path));
      assert.ok(paths.size >= 14, `${paths.size} PDF files`);
      for (const path of paths) {
        const bytes = await readFile(join(MEDIA_DIR, path));
        assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', path);
        const doc = await PDFDocument.load(bytes);
        assert.ok(doc.getPageCount() >= 2, `${path}: ${doc.getPageCount()} pages`);
      }
    });

    it('leads every menu entry of every edition to a section, a published item or another edition', async () => {
      for (const code of CODES) {
        const entries = await fresh.storage.db.selectFrom('menu_items').select(['label', 'target']).where('edition', '=', code).execute();
        assert.ok(entries.length >= 14, `${code}: ${entries.length} menu entries`);
        for (const { label, target } of entries) {
          if (target === '#') continue;
          if (target.startsWith('edition:')) {
            assert.ok(CODES.includes(target.slice(8)), `${code} ${label}: ${target}`);
            continue;
          }
          if (SECTIONS.has(target)) continue;
          const slug = /^\/([^/]+)\/$/.exec(target)?.[1];
          const item = items.find((i) => i.edition === code && i.slug === slug);
          assert.equal(item?.status, 'published', `${code} ${label}: ${target} leads nowhere`);
        }
        for (const section of ['/cartoons/', '/newspics/', '/gallery/', '/videos/', '/books/', '/newsletter/', '/pars-brief/']) {
          assert.ok(entries.some((e) => e.target === section), `${code}: the menu links ${section}`);
        }
      }
    });

    it('refuses details that do not fit the type, and photos outside a gallery, before writing', async () => {
      const base = { edition: 'en', slug: 'demo-check', title: 'Check', status: 'published' as const, publishedAt: new Date().toISOString() };
      await assert.rejects(createItem(fresh.storage.db, { ...base, type: 'book', details: { year: 'soon' } }));
      await assert.rejects(createItem(fresh.storage.db, { ...base, type: 'video', details: { externalUrl: 'javascript:alert(1)' } }));
      await assert.rejects(createItem(fresh.storage.db, { ...base, type: 'article', photos: [{ mediaId: 1 }] }), /only galleries/);
      const row = await fresh.storage.db.selectFrom('items').select('id').where('slug', '=', 'demo-check').executeTakeFirst();
      assert.equal(row, undefined);
    });
  });
}

describe('the demo files', () => {
  it('link out instead when there is no ffmpeg, leaving no file behind', async () => {
    const { mkdtemp, readdir, rm } = await import('node:fs/promises');
    const { demoVideo } = await import('../../../src/modules/demo/demo-files.js');
    const dir = await mkdtemp(join(tmpdir(), 'nashr-demo-'));
    try {
      assert.equal(await demoVideo(dir, 1, join(dir, 'no-such-ffmpeg')), null);
      assert.deepEqual(await readdir(join(dir, 'generated')), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('are made once: a second seed finds them on disk', async () => {
    const { mkdtemp, rm, stat } = await import('node:fs/promises');
    const { demoPdf } = await import('../../../src/modules/demo/demo-files.js');
    const dir = await mkdtemp(join(tmpdir(), 'nashr-demo-'));
    try {
      const spec = { title: 'Newsletter No. 19', subtitle: 'April 2024', contents: ['One'], contentsLabel: 'Inside this issue', paragraphs: ['Text'], colors: ['#000000', '#ffffff'] as [string, string] };
      const first = await demoPdf(dir, 'demo.pdf', spec);
      const before = (await stat(join(dir, first.path))).mtimeMs;
      const again = await demoPdf(dir, 'demo.pdf', { ...spec, title: 'changed' });
      assert.deepEqual(again, first);
      assert.equal((await stat(join(dir, first.path))).mtimeMs, before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`the demo site on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect);
    });
    after(() => site?.close());

    it('answers every menu section (both grid pages) and every demo item that is not an article with a page', async () => {
      const prefix = new Map(site.config.editions.map((e) => [e.code, e.prefix]));
      const urls = new Set<string>();
      for (const p of prefix.values()) {
        for (const section of ['/cartoons/', '/cartoons/page/2/', '/newspics/', '/newspics/page/2/', '/gallery/', '/videos/', '/books/', '/newsletter/', '/pars-brief/']) urls.add(`${p}${section}`);
      }
      const rows = await site.storage.db.selectFrom('items').select(['edition', 'slug']).where('type', '<>', 'article').execute();
      for (const r of rows) urls.add(`${prefix.get(r.edition)}/${encodeURIComponent(r.slug)}/`);
      const failed: string[] = [];
      for (const url of urls) {
        const res = await site.app.inject({ method: 'GET', url });
        if (res.statusCode !== 200) failed.push(`${res.statusCode} ${decodeURIComponent(url)}`);
      }
      assert.deepEqual(failed, []);
    });
  });
}
