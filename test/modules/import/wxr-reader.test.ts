import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { ImportError } from '../../../src/modules/import/index.js';
import { readWxr } from '../../../src/modules/import/wxr-reader.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../../shared/fixtures/wxr/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nashr-wxr-'));
let n = 0;
function file(text: string): string {
  const path = join(dir, `f${n++}.xml`);
  writeFileSync(path, text);
  return path;
}

async function read(path: string) {
  const events = [];
  for await (const e of readWxr(path, 64)) events.push(e);
  return events;
}

async function refused(path: string, message: RegExp): Promise<void> {
  await assert.rejects(read(path), (err: unknown) => {
    assert.ok(err instanceof ImportError, `an ImportError, not ${String(err)}`);
    assert.match(err.message, message);
    return true;
  });
}

const wxr = (version: string, body = '') => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/${version}/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Site</title><link>https://old.example</link><wp:wxr_version>${version}</wp:wxr_version>
${body}
</channel></rss>`;

describe('reading a WordPress export', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads items in small chunks with their fields, terms, meta and comments', async () => {
    const events = await read(
      file(
        wxr(
          '1.2',
          `<item><title>Salām &amp; more</title><wp:post_id>7</wp:post_id><wp:post_type><![CDATA[post]]></wp:post_type>
<content:encoded><![CDATA[Line one
line two ]]]]><![CDATA[> kept]]></content:encoded>
<category domain="post_tag" nicename="%d8%b3%d9%84%d8%a7%d9%85"><![CDATA[سلام]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_content>Hi</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment></item>`,
        ),
      ),
    );
    assert.equal(events[0]!.type, 'channel');
    const item = events.find((e) => e.type === 'item');
    assert.ok(item?.type === 'item');
    assert.equal(item.item.title, 'Salām & more');
    assert.equal(item.item.postId, 7);
    assert.equal(item.item.content, 'Line one\nline two ]]> kept');
    assert.deepEqual(item.item.terms, [{ domain: 'post_tag', slug: '%d8%b3%d9%84%d8%a7%d9%85', name: 'سلام' }]);
    assert.equal(item.item.meta.get('_thumbnail_id'), '9');
    assert.equal(item.item.comments[0]!.content, 'Hi');
  });

  it('reads WXR 1.0, 1.1 and 1.2', async () => {
    for (const v of ['1.0', '1.1', '1.2']) assert.equal((await read(file(wxr(v))))[0]!.type, 'channel');
  });

  it('refuses a file that is not XML', async () => {
    await refused(file('%PDF-1.4 this is not a WordPress export'), /not well-formed XML/);
    await refused(file(''), /not well-formed XML/);
  });

  it('refuses a truncated file, naming the line', async () => {
    const whole = wxr('1.2', '<item><title>A</title><wp:post_type>post</wp:post_type></item>');
    await refused(file(whole.slice(0, whole.length - 30)), /not well-formed XML.*line \d+/);
  });

  it('refuses the malformed fixture and the one with an invalid version', async () => {
    await refused(fixture('importer-malformed.xml'), /not well-formed XML/);
    await refused(fixture('importer-invalid-version-tag.xml'), /unknown WXR version "abc"/);
  });

  it('refuses an unknown version and XML that is not a WordPress export', async () => {
    await refused(file(wxr('2.0')), /unknown WXR version "2.0"/);
    await refused(file('<?xml version="1.0"?><feed><title>Atom</title></feed>'), /not a WordPress export/);
    await refused(file('<rss version="2.0"><channel><title>Plain RSS</title><item><title>x</title></item></channel></rss>'), /no <wp:wxr_version>/);
  });

  it('refuses entity expansion ("billion laughs") before expanding anything', async () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol9;</title><wp:wxr_version>1.2</wp:wxr_version></channel></rss>`;
    await refused(file(lol), /document type/);
  });

  it('refuses external entities (XXE) without reading them', async () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>&xxe;</title></item></channel></rss>`;
    await refused(file(xxe), /document type/);
  });

  it('refuses an undeclared entity rather than guessing', async () => {
    await refused(file(wxr('1.2', '<item><title>&nbsp;</title></item>')), /not well-formed XML/);
  });
});
