import type { ShareLinkVM } from '../../themes/default/view-models.js';
import type { Translator } from '../../i18n/translator.js';

const NETWORKS: [string, string, (u: string, title: string, image: string) => string][] = [
  ['facebook', 'Facebook', (u) => `https://www.facebook.com/sharer/sharer.php?u=${u}`],
  ['x', 'X', (u, title) => `https://twitter.com/intent/tweet?url=${u}&text=${title}`],
  ['pinterest', 'Pinterest', (u, title, image) => `https://pinterest.com/pin/create/button/?url=${u}&description=${title}${image ? `&media=${image}` : ''}`],
  ['whatsapp', 'WhatsApp', (u, title) => `https://wa.me/?text=${title}%20${u}`],
  ['telegram', 'Telegram', (u, title) => `https://t.me/share/url?url=${u}&text=${title}`],
  ['skype', 'Skype', (u) => `https://web.skype.com/share?url=${u}`],
];

/** Plain share links for an absolute URL: no script, no request to anyone until the reader clicks. */
export function shareLinks(t: Translator, absoluteUrl: string, title: string, absoluteImage = ''): ShareLinkVM[] {
  const u = encodeURIComponent(absoluteUrl);
  const ti = encodeURIComponent(title);
  const im = absoluteImage ? encodeURIComponent(absoluteImage) : '';
  const links = NETWORKS.map(([network, name, build]) => ({ network, name, label: t('shareOn', { network: name }), url: build(u, ti, im) }));
  links.push({ network: 'email', name: t('emailShort'), label: t('shareByEmail'), url: `mailto:?subject=${ti}&body=${u}` });
  return links;
}
