import { Html } from '#jsx/jsx-runtime';
import type { ShareLinkVM } from '../../themes/default/view-models.js';
import type { Translator } from '../../i18n/translator.js';

/** Builds a share URL from parts that are already percent-encoded; the one `&` it joins them with is written as HTML. */
type Build = (url: string, title: string, image: string) => string;

const NETWORKS: [network: string, name: string, build: Build][] = [
  ['facebook', 'Facebook', (u) => `https://www.facebook.com/sharer/sharer.php?u=${u}`],
  ['x', 'X', (u, title) => `https://twitter.com/intent/tweet?url=${u}&amp;text=${title}`],
  ['pinterest', 'Pinterest', (u, title, image) => `https://pinterest.com/pin/create/button/?url=${u}&amp;description=${title}${image ? `&amp;media=${image}` : ''}`],
  ['whatsapp', 'WhatsApp', (u, title) => `https://wa.me/?text=${title}%20${u}`],
  ['telegram', 'Telegram', (u, title) => `https://t.me/share/url?url=${u}&amp;text=${title}`],
  ['skype', 'Skype', (u) => `https://web.skype.com/share?url=${u}`],
];

/** The networks with their names and "Share on …" labels in one language; made once per edition. */
export function shareNetworks(t: Translator): { network: string; name: string; label: string; build: Build }[] {
  return [
    ...NETWORKS.map(([network, name, build]) => ({ network, name, label: t('shareOn', { network: name }), build })),
    { network: 'email', name: t('emailShort'), label: t('shareByEmail'), build: (u: string, title: string) => `mailto:?subject=${title}&amp;body=${u}` },
  ];
}

/** Percent-encoding leaves `'` as it is; encode it too, so the result is safe inside any HTML attribute. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/'/g, '%27');
}

/**
 * Plain share links for an absolute URL: no script, no request to anyone until the reader clicks.
 * The links come out HTML-ready (a listing shows seventy of them; escaping each again is waste).
 */
export function shareLinks(networks: ReturnType<typeof shareNetworks>, absoluteUrl: string, title: string, absoluteImage = ''): ShareLinkVM[] {
  const u = encode(absoluteUrl);
  const ti = encode(title);
  const im = absoluteImage ? encode(absoluteImage) : '';
  return networks.map((n) => ({ network: n.network, name: n.name, label: n.label, url: new Html(n.build(u, ti, im)) }));
}
