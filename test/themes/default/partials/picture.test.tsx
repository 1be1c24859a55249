import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageVM } from '../../../../src/http/site/cards.js';
import { Picture } from '../../../../src/themes/default/partials/picture.js';

const variants = (formats: [string, string][]) =>
  [320, 640].flatMap((width) => formats.map(([ext, mime]) => ({ path: `uploads/2026/01/abc-${width}.${ext}`, width, mime })));

describe('the responsive picture', () => {
  it('offers AVIF, then WebP, then JPEG in the img, each with its srcset and sizes', () => {
    const image = imageVM({ path: 'uploads/2026/01/abc-640.jpg', alt: 'Harbour', width: 640, height: 360, variants: variants([['avif', 'image/avif'], ['webp', 'image/webp'], ['jpg', 'image/jpeg']]) });
    const html = String(<Picture image={image} sizes="100vw" />);
    assert.equal(
      html,
      '<picture>' +
        '<source type="image/avif" srcset="/media/uploads/2026/01/abc-320.avif 320w, /media/uploads/2026/01/abc-640.avif 640w" sizes="100vw">' +
        '<source type="image/webp" srcset="/media/uploads/2026/01/abc-320.webp 320w, /media/uploads/2026/01/abc-640.webp 640w" sizes="100vw">' +
        '<img src="/media/uploads/2026/01/abc-640.jpg" srcset="/media/uploads/2026/01/abc-320.jpg 320w, /media/uploads/2026/01/abc-640.jpg 640w" sizes="100vw" alt="Harbour" width="640" height="360" loading="lazy" decoding="async">' +
        '</picture>',
    );
  });

  it('leaves out a format the image was not made in (demo art has WebP and JPEG only)', () => {
    const image = imageVM({ path: 'generated/art-00-640.jpg', alt: '', width: 640, height: 360, variants: variants([['webp', 'image/webp'], ['jpg', 'image/jpeg']]) });
    const html = String(<Picture image={image} sizes="100vw" eager />);
    assert.ok(!html.includes('image/avif'));
    assert.ok(html.includes('<source type="image/webp"'));
  });
});
