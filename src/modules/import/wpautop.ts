/**
 * WordPress's `wpautop`, ported: classic-editor posts are stored with bare line breaks, and
 * WordPress makes paragraphs (blank lines) and `<br />` (single line breaks) of them when it
 * shows a post. nashr stores the result, so the import applies the same rules once.
 */

const BLOCKS =
  '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|video|audio|picture|source)';
const OPEN_BLOCK = new RegExp(`(<${BLOCKS}[\\s/>])`, 'g');
const CLOSE_BLOCK = new RegExp(`(</${BLOCKS}>)`, 'g');
const P_AROUND_BLOCK = new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)\\s*</p>`, 'g');
const P_BEFORE_BLOCK = new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)`, 'g');
const P_AFTER_BLOCK = new RegExp(`(</?${BLOCKS}[^>]*>)\\s*</p>`, 'g');
const BR_AFTER_BLOCK = new RegExp(`(</?${BLOCKS}[^>]*>)\\s*<br />`, 'g');

export function wpautop(text: string): string {
  if (text.trim() === '') return '';
  // <pre> keeps its line breaks as they are.
  const pres: string[] = [];
  let pee = text.replace(/\r\n?/g, '\n').replace(/<pre[\s>][\s\S]*?<\/pre>/gi, (m) => {
    pres.push(m);
    return `<pre wp-pre-tag-${pres.length - 1}></pre>`;
  });
  pee += '\n';
  pee = pee.replace(/<br\s*\/?>\s*<br\s*\/?>/gi, '\n\n');
  pee = pee.replace(OPEN_BLOCK, '\n\n$1').replace(CLOSE_BLOCK, '$1\n\n');
  pee = pee.replace(/<hr\s*?\/?>/gi, '<hr />\n\n');
  pee = pee.replace(/\n\n+/g, '\n\n');
  pee = pee
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${p.replace(/^\n+|\n+$/g, '')}</p>\n`)
    .join('');
  pee = pee.replace(/<p>\s*<\/p>/g, '');
  pee = pee.replace(/<p>([^<]+)<\/(div|address|form)>/g, '<p>$1</p></$2>');
  pee = pee.replace(P_AROUND_BLOCK, '$1');
  pee = pee.replace(/<p>(<li.+?)<\/p>/g, '$1');
  pee = pee.replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>').replace(/<\/blockquote><\/p>/g, '</p></blockquote>');
  pee = pee.replace(P_BEFORE_BLOCK, '$1').replace(P_AFTER_BLOCK, '$1');
  // Single line breaks inside a paragraph become <br />, except inside tags.
  pee = pee.replace(/<[^>]*\n[^>]*>/g, (tag) => tag.replace(/\n/g, ' '));
  pee = pee.replace(/<br\s*\/?>/gi, '<br />');
  pee = pee.replace(/(?<!<br \/>)\s*\n/g, '<br />\n');
  pee = pee.replace(BR_AFTER_BLOCK, '$1');
  pee = pee.replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/g, '$1');
  pee = pee.replace(/\n<\/p>$/g, '</p>');
  pee = pee.replace(/<br \/>\n$/, '\n');
  return pee.replace(/<pre wp-pre-tag-(\d+)><\/pre>/g, (_m, i: string) => pres[Number(i)]!);
}
