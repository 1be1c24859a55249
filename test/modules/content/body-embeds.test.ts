import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeBody } from '../../../src/modules/content/index.js';
import { parseVideoLink } from '../../../src/lib/video-links.js';

describe('video links in item bodies', () => {
  it('makes an MP4 or WebM link alone in a paragraph a <video> player, keeping the link as its fallback', () => {
    assert.equal(
      sanitizeBody('<p><a href="https://cdn.example.org/a.mp4">Our film</a></p>'),
      '<video src="https://cdn.example.org/a.mp4" controls preload="metadata"><a href="https://cdn.example.org/a.mp4" rel="noopener noreferrer">Our film</a></video>',
    );
    assert.match(sanitizeBody('<p dir="auto"> /media/files/b.webm </p>'), /^<p/, 'a relative address as text is not a link');
    assert.match(sanitizeBody('<p><a href="/media/files/b.webm">b</a></p>'), /^<video src="\/media\/files\/b\.webm" controls preload="metadata">/);
  });

  it('makes a YouTube or Vimeo link alone in a paragraph a click-to-load poster, linked or bare', () => {
    assert.equal(
      sanitizeBody('<p>https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=5</p>'),
      '<figure class="video-embed"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=5" rel="noopener noreferrer" class="video-embed-link">https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=5</a></figure>',
    );
    assert.match(sanitizeBody('<p><a href="https://vimeo.com/76979871">A talk</a></p>'), /^<figure class="video-embed"><a [^>]*class="video-embed-link">A talk<\/a><\/figure>$/);
  });

  it('leaves links inside sentences, other addresses and unsafe ones alone', () => {
    for (const html of ['<p>See <a href="https://cdn.example.org/a.mp4">this</a> now.</p>', '<p><a href="https://example.org/page">page</a></p>', '<p>https://www.youtube.com/watch?v=short</p>']) {
      assert.doesNotMatch(sanitizeBody(html), /<video|video-embed/, html);
    }
    assert.doesNotMatch(sanitizeBody('<p><a href="javascript:alert(1)//.mp4">x</a></p>'), /<video|javascript/);
  });

  it('keeps only the poster’s own classes and gives the same body when saved again', () => {
    assert.equal(
      sanitizeBody('<figure class="video-embed big"><a class="video-embed-link x" href="https://youtu.be/dQw4w9WgXcQ" onclick="evil()">v</a></figure><figure class="other"><img src="/a.jpg" alt=""></figure>'),
      '<figure class="video-embed"><a class="video-embed-link" href="https://youtu.be/dQw4w9WgXcQ" rel="noopener noreferrer">v</a></figure><figure><img src="/a.jpg" alt="" /></figure>',
    );
    const once = sanitizeBody('<p><a href="https://youtu.be/dQw4w9WgXcQ">v</a></p><p>https://cdn.example.org/a.mp4</p>');
    assert.equal(sanitizeBody(once), once);
  });

  it('recognizes the addresses of YouTube and Vimeo and of video files, nothing else', () => {
    assert.deepEqual(parseVideoLink('https://youtu.be/dQw4w9WgXcQ?t=3'), { kind: 'embed', provider: 'youtube', id: 'dQw4w9WgXcQ', pageUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1' });
    assert.equal(parseVideoLink('https://www.youtube.com/shorts/dQw4w9WgXcQ')?.kind, 'embed');
    assert.equal(parseVideoLink('https://player.vimeo.com/video/123')?.kind, 'embed');
    assert.deepEqual(parseVideoLink('https://x.example/v.WEBM?sig=1'), { kind: 'file', url: 'https://x.example/v.WEBM?sig=1', mime: 'video/webm' });
    for (const no of ['https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', 'https://vimeo.com/channels/x', 'ftp://x.example/a.mp4', 'a.mp4', 'https://example.org/a.mp4.html']) assert.equal(parseVideoLink(no), null, no);
  });
});

describe('quoted tweets in item bodies', () => {
  const pasted =
    '<blockquote class="twitter-tweet" data-lang="en"><p lang="fa" dir="rtl">آزادی بیان <a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; Pars Brief (@parsbrief) <a href="https://twitter.com/parsbrief/status/1234567890123?ref_src=twsrc%5Etfw">March 1, 2020</a></blockquote>' +
    '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';

  it('becomes a styled quote citing the original, its link cleaned, with no script', () => {
    const body = sanitizeBody(pasted);
    assert.match(body, /^<blockquote class="tweet-embed" cite="https:\/\/twitter\.com\/parsbrief\/status\/1234567890123">/);
    assert.match(body, /<a href="https:\/\/twitter\.com\/parsbrief\/status\/1234567890123" rel="noopener noreferrer">March 1, 2020<\/a><\/blockquote>$/);
    assert.match(body, /<p lang="fa" dir="rtl">آزادی بیان/);
    assert.doesNotMatch(body, /script|widgets\.js|data-lang|ref_src/);
  });

  it('accepts x.com addresses and gives the same body when saved again', () => {
    const once = sanitizeBody('<blockquote class="twitter-tweet"><p>Hi</p>— A (@a_b) <a href="https://x.com/a_b/status/42?s=20">Jan 1</a></blockquote>');
    assert.match(once, /^<blockquote class="tweet-embed" cite="https:\/\/x\.com\/a_b\/status\/42">/);
    assert.equal(sanitizeBody(once), once);
    assert.equal(sanitizeBody(sanitizeBody(pasted)), sanitizeBody(pasted));
  });

  it('leaves a quote without a tweet link, or with a forged one, an ordinary quote', () => {
    for (const html of [
      '<blockquote class="twitter-tweet"><p>No link</p></blockquote>',
      '<blockquote class="twitter-tweet"><p>x</p><a href="https://twitter.com.evil.example/a/status/1">d</a></blockquote>',
      '<blockquote><p>Plain</p><a href="https://twitter.com/a/status/1">d</a></blockquote>',
    ]) {
      assert.doesNotMatch(sanitizeBody(html), /tweet-embed/, html);
    }
    assert.doesNotMatch(sanitizeBody('<blockquote class="twitter-tweet"><p>x</p><a href="javascript:alert(1)//twitter.com/a/status/1">d</a></blockquote>'), /javascript|tweet-embed/);
  });
});
