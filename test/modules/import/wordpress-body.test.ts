import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertWordpressBody, type BodyContext, type BodyMedia } from '../../../src/modules/import/index.js';
import { wpautop } from '../../../src/modules/import/wpautop.js';

const photo: BodyMedia = {
  url: '/media/uploads/2026/01/abc-960.jpg',
  kind: 'image',
  width: 960,
  height: 640,
  alt: 'A boat on the lake',
  caption: 'The lake at dawn',
  variants: [
    { url: '/media/uploads/2026/01/abc-320.jpg', width: 320 },
    { url: '/media/uploads/2026/01/abc-960.jpg', width: 960 },
  ],
};
const pdf: BodyMedia = { url: '/media/uploads/2026/01/def.pdf', kind: 'pdf', width: null, height: null, alt: '', caption: '', variants: [] };

function convert(html: string, attachments: Record<number, BodyMedia> = { 5: photo }) {
  const unknown: string[] = [];
  const ctx: BodyContext = {
    postId: 1,
    mediaByUploadPath: (p) => ({ '2019/05/boat.jpg': photo, '2019/05/report.pdf': pdf })[p],
    mediaByAttachmentId: (id) => attachments[id],
    attachmentsOf: (id) => (id === 1 ? [5] : []),
    onUnknownShortcode: (name) => unknown.push(name),
  };
  return { html: convertWordpressBody(html, ctx), unknown };
}

describe('converting WordPress bodies', () => {
  it('makes paragraphs and line breaks of a classic post, as wpautop does', () => {
    assert.equal(convert('First line\nsecond line\n\nSecond paragraph').html, '<p>First line<br />\nsecond line</p>\n<p>Second paragraph</p>\n');
  });

  it('leaves block content to its own markup and removes the block comments', () => {
    const { html } = convert('<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>Two</p></blockquote>\n<!-- /wp:quote -->');
    assert.doesNotMatch(html, /wp:/);
    assert.match(html, /<p>One<\/p>/);
    assert.match(html, /<blockquote[^>]*><p>Two<\/p><\/blockquote>/);
    assert.doesNotMatch(html, /<br/);
  });

  it('keeps <pre> as it is', () => {
    assert.match(wpautop('<pre>a\n\nb</pre>\n\ntext'), /<pre>a\n\nb<\/pre>/);
  });

  it('turns [caption] into a figure with the new image and its caption', () => {
    const { html } = convert('[caption id="attachment_5" width="300"]<a href="https://old.example/wp-content/uploads/2019/05/boat.jpg"><img src="https://old.example/wp-content/uploads/2019/05/boat-300x200.jpg" alt="Boat" /></a> A boat[/caption]');
    assert.match(html, /^<figure><a href="\/media\/uploads\/2026\/01\/abc-960.jpg"><img src="\/media\/uploads\/2026\/01\/abc-960.jpg" srcset="[^"]+320w[^"]+960w" [^>]*alt="Boat"[^>]*\/><\/a><figcaption>A boat<\/figcaption><\/figure>/);
  });

  it('turns [gallery] into figures of the library images, by ids or the post\'s own attachments', () => {
    for (const code of ['[gallery ids="5"]', '[gallery]']) {
      const { html } = convert(code);
      assert.match(html, /<section class="gallery"><figure><img src="\/media\/uploads\/2026\/01\/abc-960.jpg"[^>]*alt="A boat on the lake"[^>]*\/><figcaption>The lake at dawn<\/figcaption><\/figure><\/section>/);
    }
  });

  it('keeps a gallery of files that are not in the library, at their old addresses', () => {
    const unknown: string[] = [];
    const html = convertWordpressBody('[gallery ids="7"]', {
      postId: 1,
      mediaByUploadPath: () => undefined,
      mediaByAttachmentId: () => undefined,
      originalAttachment: (id) => (id === 7 ? { url: 'https://old.example/wp-content/uploads/2008/06/canola.jpg', kind: 'image', width: null, height: null, alt: 'Canola', caption: '', variants: [] } : undefined),
      attachmentsOf: () => [],
      onUnknownShortcode: (n) => unknown.push(n),
    });
    assert.match(html, /<section class="gallery"><figure><img src="https:\/\/old.example\/wp-content\/uploads\/2008\/06\/canola.jpg" alt="Canola"/);
  });

  it('turns [embed], [video], [audio] and lone addresses into nashr links and players', () => {
    assert.match(convert('[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]').html, /<figure class="video-embed"><a href="https:\/\/www.youtube.com\/watch\?v=dQw4w9WgXcQ"/);
    assert.match(convert('Look:\n\nhttps://vimeo.com/76979871\n\nNice.').html, /<figure class="video-embed"><a href="https:\/\/vimeo.com\/76979871"/);
    assert.match(convert('[video mp4="https://cdn.example/clip.mp4"][/video]').html, /<video src="https:\/\/cdn.example\/clip.mp4" controls preload="metadata">/);
    assert.match(convert('[audio mp3="https://cdn.example/talk.mp3"]').html, /<p><a href="https:\/\/cdn.example\/talk.mp3" rel="noopener noreferrer">talk.mp3<\/a><\/p>/);
  });

  it('keeps unknown shortcodes as text and reports them; an escaped one stays as its text', () => {
    const { html, unknown } = convert('Before [contact-form-7 id="12"] after [[gallery]]');
    assert.match(html, /\[contact-form-7 id="12"\]/);
    assert.match(html, /\[gallery\]/);
    assert.deepEqual(unknown, ['contact-form-7']);
  });

  it('drops WordPress\'s <!--more--> and other comments', () => {
    assert.equal(convert('Intro<!--more-->\n\nRest<!--nextpage-->').html, '<p>Intro</p>\n<p>Rest</p>\n');
  });

  it('points links to uploads at the media library, and leaves other links alone', () => {
    const { html } = convert('<a href="http://old.example/wp-content/uploads/2019/05/report.pdf">Report</a> <a href="https://elsewhere.example/">x</a> <a href="http://old.example/wp-content/uploads/2019/05/missing.pdf">gone</a>');
    assert.match(html, /href="\/media\/uploads\/2026\/01\/def.pdf"/);
    assert.match(html, /href="https:\/\/elsewhere.example\/"/);
    assert.match(html, /href="http:\/\/old.example\/wp-content\/uploads\/2019\/05\/missing.pdf"/);
  });

  it('sanitizes like any body: scripts, handlers and javascript: links go', () => {
    const { html } = convert('<p onclick="steal()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">x</a></p><iframe src="https://evil.example"></iframe>');
    assert.doesNotMatch(html, /script|onclick|javascript:|iframe/);
    assert.match(html, /<p>Hi <a>x<\/a><\/p>/);
  });
});
