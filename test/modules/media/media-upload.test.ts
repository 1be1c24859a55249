import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { MediaError, storeUpload } from '../../../src/modules/media/index.js';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { PDF_BYTES, withLibrary } from './media-test-library.js';

const MB = 1024 * 1024;

/** A photo-like image: blurred noise has a photograph's detail without pure noise's encoding cost. */
function photo(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).blur(3);
}

function rejectsWith(code: string) {
  return (error: unknown) => error instanceof MediaError && error.code === code;
}

for (const dialect of DIALECTS) {
  describe(`uploading to the media library on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    it('turns a PNG into AVIF, WebP and JPEG variants at every width up to its own, and records it', async () => {
      await withLibrary(dialect, async (lib) => {
        const png = await photo(1000, 500).png().toBuffer();
        const tempPath = lib.incoming(png, 'holiday.png');
        const media = await storeUpload(lib.db, lib.mediaDir, { tempPath, originalName: 'C:\\Users\\me\\holiday.png', uploadedBy: lib.userId, maxBytes: 20 * MB, alt: 'A beach' });

        assert.equal(media.kind, 'image');
        assert.equal(media.originalName, 'holiday.png');
        assert.equal(media.sizeBytes, png.length);
        assert.equal(media.uploadedBy, lib.userId);
        assert.equal(media.alt, 'A beach');
        assert.deepEqual([media.width, media.height], [960, 480]);
        assert.match(media.path, /^uploads\/\d{4}\/\d{2}\/[0-9a-f]{16}-960\.jpg$/);
        assert.equal(media.url, `/media/${media.path}`);
        const summary = media.variants.map((v) => `${v.width} ${v.mime}`);
        assert.deepEqual(summary, [320, 640, 960].flatMap((w) => [`${w} image/avif`, `${w} image/webp`, `${w} image/jpeg`]));
        for (const v of media.variants) {
          assert.equal(v.url, `/media/${v.path}`);
          const meta = await sharp(join(lib.mediaDir, v.path)).metadata();
          assert.equal(meta.width, v.width, v.path);
          assert.equal(meta.format === 'heif' ? 'image/avif' : `image/${meta.format}`, v.mime, v.path);
        }
        assert.deepEqual(lib.files(), media.variants.map((v) => v.path).sort(), 'only the variants, no temporary files, no original');
        assert.equal(existsSync(tempPath), false, 'the incoming file is consumed');
      });
    });

    it('makes all five widths of a large JPEG, turns it upright and strips its metadata', async () => {
      await withLibrary(dialect, async (lib) => {
        // Stored sideways, 2400×2000, with EXIF saying "rotate 90°": upright it is 2000×2400.
        const jpeg = await photo(2400, 2000).jpeg().withMetadata({ orientation: 6 }).toBuffer();
        const media = await storeUpload(lib.db, lib.mediaDir, { tempPath: lib.incoming(jpeg), originalName: 'IMG_0001.JPG', uploadedBy: null, maxBytes: 20 * MB });

        assert.deepEqual([...new Set(media.variants.map((v) => v.width))], [320, 640, 960, 1280, 1920]);
        assert.deepEqual([media.width, media.height], [1920, 2304]);
        const largest = await sharp(join(lib.mediaDir, media.path)).metadata();
        assert.deepEqual([largest.width, largest.height], [1920, 2304]);
        assert.equal(largest.exif, undefined, 'no EXIF left');
        assert.equal(largest.orientation, undefined);
      });
    });

    it('keeps an image smaller than the smallest width at its own width', async () => {
      await withLibrary(dialect, async (lib) => {
        const gif = await photo(200, 100).gif().toBuffer();
        const media = await storeUpload(lib.db, lib.mediaDir, { tempPath: lib.incoming(gif, 'tiny.gif'), originalName: 'tiny.gif', uploadedBy: null, maxBytes: MB });
        assert.deepEqual(media.variants.map((v) => v.width), [200, 200, 200]);
      });
    });

    it('stores a PDF as it is, under a random name, as kind pdf', async () => {
      await withLibrary(dialect, async (lib) => {
        const tempPath = lib.incoming(PDF_BYTES, 'report.pdf');
        const media = await storeUpload(lib.db, lib.mediaDir, { tempPath, originalName: '../../etc/report.pdf', uploadedBy: lib.userId, maxBytes: MB, title: 'Annual report', preview: false });
        assert.equal(media.kind, 'pdf');
        assert.equal(media.mime, 'application/pdf');
        assert.equal(media.originalName, 'report.pdf');
        assert.match(media.path, /^uploads\/\d{4}\/\d{2}\/[0-9a-f]{16}\.pdf$/);
        assert.deepEqual(media.variants, []);
        assert.deepEqual(new Uint8Array(readFileSync(join(lib.mediaDir, media.path))), PDF_BYTES);
        assert.deepEqual(lib.files(), [media.path]);
      });
    });

    const refusals: [string, string, (lib: Parameters<Parameters<typeof withLibrary>[1]>[0]) => Promise<{ bytes: Uint8Array | string; max: number }>][] = [
      ['text named .jpg', 'media.unsupported_type', async () => ({ bytes: 'this is not an image, whatever its name says\n'.repeat(20), max: MB })],
      ['an SVG (scripts could ride along)', 'media.unsupported_type', async () => ({ bytes: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', max: MB })],
      ['an empty file', 'media.empty', async () => ({ bytes: new Uint8Array(0), max: MB })],
      ['a file over the limit', 'media.too_large', async () => ({ bytes: await photo(300, 300).png().toBuffer(), max: 1000 })],
      ['a truncated PNG', 'media.corrupt', async () => {
        const png = await photo(800, 600).png().toBuffer();
        return { bytes: png.subarray(0, Math.floor(png.length / 2)), max: 20 * MB };
      }],
      ['a decompression bomb (a small PNG of 64 megapixels)', 'media.too_large', async () => ({
        bytes: await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#ffffff' } }).png().toBuffer(),
        max: 20 * MB,
      })],
    ];
    for (const [what, code, make] of refusals) {
      it(`refuses ${what} with ${code} and writes nothing`, async () => {
        await withLibrary(dialect, async (lib) => {
          const { bytes, max } = await make(lib);
          const tempPath = lib.incoming(bytes, 'photo.jpg');
          await assert.rejects(storeUpload(lib.db, lib.mediaDir, { tempPath, originalName: 'photo.jpg', uploadedBy: null, maxBytes: max }), rejectsWith(code));
          assert.deepEqual(lib.files(), []);
          assert.equal((await lib.db.selectFrom('media').select('id').execute()).length, 0);
          assert.equal(existsSync(tempPath), false, 'the incoming file is removed');
        });
      });
    }

    it('refuses describing fields over their limits before doing any work', async () => {
      await withLibrary(dialect, async (lib) => {
        const png = await photo(400, 300).png().toBuffer();
        await assert.rejects(
          storeUpload(lib.db, lib.mediaDir, { tempPath: lib.incoming(png), originalName: 'a.png', uploadedBy: null, maxBytes: MB, caption: 'x'.repeat(5000) }),
          rejectsWith('media.invalid_input'),
        );
        assert.deepEqual(lib.files(), []);
      });
    });

    it('removes the files it made when the row cannot be written', async () => {
      await withLibrary(dialect, async (lib) => {
        const png = await photo(400, 300).png().toBuffer();
        // No such user: the foreign key refuses the row after the variants are on disk.
        await assert.rejects(storeUpload(lib.db, lib.mediaDir, { tempPath: lib.incoming(png), originalName: 'a.png', uploadedBy: 999_999, maxBytes: MB }));
        await assert.rejects(storeUpload(lib.db, lib.mediaDir, { tempPath: lib.incoming(PDF_BYTES), originalName: 'a.pdf', uploadedBy: 999_999, maxBytes: MB }));
        assert.deepEqual(lib.files(), []);
        assert.equal((await lib.db.selectFrom('media').select('id').execute()).length, 0);
      });
    });
  });
}
