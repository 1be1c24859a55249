import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { getMedia, MediaError, storeUpload, type MediaRecord } from '../../../src/modules/media/index.js';
import { hasFfmpeg, hasPdftoppm } from '../../../src/modules/media/media-previews.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

const work = mkdtempSync(join(tmpdir(), 'nashr-media-files-'));

async function pdfBytes(options: { encrypted?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 3; i++) doc.addPage([400, 560]).drawText(`Newsletter no. 12, page ${i}`, { x: 40, y: 500, size: 18, font });
  // A PDF that declares encryption, as a password-protected export does.
  if (options.encrypted) doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -4 }));
  return doc.save({ useObjectStreams: false });
}

function tempFile(name: string, bytes: Uint8Array | Buffer): string {
  const file = join(work, `${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(file, bytes);
  return file;
}

/** Videos and PDF covers are made by ffmpeg and pdftoppm: CI installs them; elsewhere their absence is a skip. */
async function toolSkip(tool: 'ffmpeg' | 'pdftoppm'): Promise<string | undefined> {
  if (await (tool === 'ffmpeg' ? hasFfmpeg() : hasPdftoppm())) return undefined;
  if (process.env.CI) throw new Error(`CI=true but ${tool} is not installed`);
  return `${tool} not installed: skipped`;
}

const noPdftoppm = await toolSkip('pdftoppm');
const noFfmpeg = await toolSkip('ffmpeg');

for (const dialect of DIALECTS) {
  describe(`media files on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let pdf: MediaRecord;
    let mediaDir: string;
    const store = (name: string, bytes: Uint8Array | Buffer) => storeUpload(site.storage.db, mediaDir, { tempPath: tempFile(name, bytes), originalName: name, uploadedBy: null, maxBytes: 20 * 1024 * 1024 });
    before(async () => {
      site = await openTestSite(dialect, { seed: false });
      mediaDir = join(site.config.dataDir, 'media');
      pdf = await store('خبرنامه شماره ۱۲.pdf', await pdfBytes());
    });
    after(() => site?.close());

    it('serves a PDF by its library path with its type, and byte ranges with 206', async () => {
      const full = await site.app.inject({ url: pdf.url });
      assert.equal(full.statusCode, 200);
      assert.equal(full.headers['content-type'], 'application/pdf');
      assert.equal(full.headers['accept-ranges'], 'bytes');
      const size = full.rawPayload.length;
      const part = await site.app.inject({ url: pdf.url, headers: { range: 'bytes=0-99' } });
      assert.equal(part.statusCode, 206);
      assert.equal(part.headers['content-range'], `bytes 0-99/${size}`);
      assert.equal(part.rawPayload.length, 100);
      assert.deepEqual(part.rawPayload, full.rawPayload.subarray(0, 100));
      const tail = await site.app.inject({ url: pdf.url, headers: { range: 'bytes=-10' } });
      assert.equal(tail.statusCode, 206);
      assert.deepEqual(tail.rawPayload, full.rawPayload.subarray(size - 10));
    });

    it('answers 416 with the size to malformed, reversed, out-of-range and multiple ranges', async () => {
      const size = (await site.app.inject({ url: pdf.url })).rawPayload.length;
      for (const range of ['bytes=abc', 'bytes=5-1', 'bytes=0-1,5-6', `bytes=${size}-`, 'bytes=-0', 'bytes=-', 'items=0-5', 'bytes=0-1, 3-4, 6-7, 9-10']) {
        for (const url of [pdf.url, `/media/download/${pdf.id}`]) {
          const res = await site.app.inject({ url, headers: { range } });
          assert.equal(res.statusCode, 416, `${url} ${range}`);
          assert.equal(res.headers['content-range'], `bytes */${size}`);
        }
      }
    });

    it('offers the PDF as a download under its original (Persian) name, looked up by id', async () => {
      const res = await site.app.inject({ url: `/media/download/${pdf.id}` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="[^"]*\.pdf"; filename\*=UTF-8''%D8%AE/);
      const part = await site.app.inject({ url: `/media/download/${pdf.id}`, headers: { range: 'bytes=10-19' } });
      assert.equal(part.statusCode, 206);
      for (const url of ['/media/download/abc', '/media/download/0', '/media/download/99999999', '/media/../nashr.sqlite', '/media/%2e%2e/nashr.sqlite', '/media/.incoming/x']) {
        const bad = await site.app.inject({ url });
        assert.ok(bad.statusCode === 404 || bad.statusCode === 403, `${url}: ${bad.statusCode}`);
      }
    });

    it('refuses truncated and encrypted PDFs, storing nothing', async () => {
      const before = (await site.storage.db.selectFrom('media').select('id').execute()).length;
      const whole = await pdfBytes();
      for (const [name, bytes, code] of [['cut.pdf', whole.subarray(0, Math.floor(whole.length * 0.6)), 'media.corrupt'], ['locked.pdf', await pdfBytes({ encrypted: true }), 'media.encrypted']] as const) {
        await assert.rejects(store(name, bytes), (err: unknown) => err instanceof MediaError && err.code === code, name);
      }
      assert.equal((await site.storage.db.selectFrom('media').select('id').execute()).length, before);
    });

    it('makes a cover from a PDF’s first page', { skip: noPdftoppm }, async () => {
      const fresh = await getMedia(site.storage.db, pdf.id);
      assert.ok(fresh.previewMediaId, 'a cover image was made');
      const cover = await getMedia(site.storage.db, fresh.previewMediaId!);
      assert.equal(cover.kind, 'image');
      assert.ok(cover.variants.some((v) => v.mime === 'image/webp'));
    });

    it('stores an MP4 video, serves it with ranges, and makes a poster frame', { skip: noFfmpeg }, async () => {
      const file = join(work, 'clip.mp4');
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=10', '-t', '2', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', file]);
      const { readFileSync } = await import('node:fs');
      const video = await store('clip.mp4', readFileSync(file));
      assert.equal(video.kind, 'video');
      assert.equal(video.mime, 'video/mp4');
      const res = await site.app.inject({ url: video.url, headers: { range: 'bytes=0-1023' } });
      assert.equal(res.statusCode, 206);
      assert.equal(res.headers['content-type'], 'video/mp4');
      assert.ok(video.previewMediaId, 'a poster frame was made');
      assert.equal((await getMedia(site.storage.db, video.previewMediaId!)).kind, 'image');
    });
  });
}
