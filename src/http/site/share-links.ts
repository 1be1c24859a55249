import type { ShareLinkVM } from '../../themes/default/view-models.js';
import type { Translator } from '../../i18n/translator.js';

type Build = (url: string, title: string, image: string) => string;

const NETWORKS: [network: string, name: string, build: Build][] = [
  ['facebook', 'Facebook', (u) => `https://www.facebook.com/sharer/sharer.php?u=${u}`],
  ['x', 'X', (u, title) => `https://twitter.com/intent/tweet?url=${u}&text=${title}`],
  ['pinterest', 'Pinterest', (u, title, image) => `https://pinterest.com/pin/create/button/?url=${u}&description=${title}${image ? `&media=${image}` : ''}`],
  ['whatsapp', 'WhatsApp', (u, title) => `https://wa.me/?text=${title}%20${u}`],
  ['telegram', 'Telegram', (u, title) => `https://t.me/share/url?url=${u}&text=${title}`],
  ['skype', 'Skype', (u) => `https://web.skype.com/share?url=${u}`],
];

/** The networks with their names and "Share on …" labels in one language; made once per edition. */
export function shareNetworks(t: Translator): { network: string; name: string; label: string; build: Build }[] {
  return [
    ...NETWORKS.map(([network, name, build]) => ({ network, name, label: t('shareOn', { network: name }), build })),
    { network: 'email', name: t('emailShort'), label: t('shareByEmail'), build: (u: string, title: string) => `mailto:?subject=${title}&body=${u}` },
  ];
}

/** Plain share links for an absolute URL: no script, no request to anyone until the reader clicks. */
export function shareLinks(networks: ReturnType<typeof shareNetworks>, absoluteUrl: string, title: string, absoluteImage = ''): ShareLinkVM[] {
  const u = encodeURIComponent(absoluteUrl);
  const ti = encodeURIComponent(title);
  const im = absoluteImage ? encodeURIComponent(absoluteImage) : '';
  return networks.map((n) => ({ network: n.network, name: n.name, label: n.label, url: n.build(u, ti, im) }));
}
