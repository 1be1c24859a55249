import { escapeHtml } from '../../lib/jsx/jsx-runtime.js';
import type { DemoArticle, DemoPage } from './demo.types.js';

/**
 * An article body as the editor would store it: paragraphs, a block quote after the second,
 * a footnote marker and a numbered reference list.
 */
export function articleBody(a: DemoArticle, referencesLabel: string): string {
  const parts: string[] = [];
  a.paragraphs.forEach((p, i) => {
    const marker = i === 0 && a.references.length ? `<sup id="cite-1"><a href="#ref-1">[1]</a></sup>` : '';
    parts.push(`<p>${escapeHtml(p)}${marker}</p>`);
    if (i === 1) parts.push(`<blockquote><p>${escapeHtml(a.quote.text)}</p><cite>${escapeHtml(a.quote.cite)}</cite></blockquote>`);
  });
  if (a.references.length) {
    const items = a.references.map((r, i) => `<li id="ref-${i + 1}"><a href="${escapeHtml(r.url)}">${escapeHtml(r.text)}</a></li>`).join('');
    parts.push(`<section class="references"><h2>${escapeHtml(referencesLabel)}</h2><ol>${items}</ol></section>`);
  }
  return parts.join('\n');
}

export function pageBody(p: DemoPage): string {
  return p.paragraphs.map((t) => `<p>${escapeHtml(t)}</p>`).join('\n');
}
