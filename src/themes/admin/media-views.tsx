import type { MediaRecord, MediaUsage } from '../../modules/media/index.js';

/** The library as a grid of thumbnails (smallest variant), each linking to its page. */
export function MediaGrid(p: { items: MediaRecord[] }) {
  if (!p.items.length) return <p class="empty">No files match.</p>;
  return (
    <ul class="media-grid">
      {p.items.map((m) => {
        const thumb = m.variants.filter((v) => v.mime === 'image/jpeg').sort((a, b) => a.width - b.width)[0];
        const name = m.title || m.alt || m.originalName || `#${m.id}`;
        return (
          <li>
            <a href={`/admin/media/${m.id}`}>
              {m.kind === 'image' ? <img class="thumb" src={thumb?.url ?? m.url} alt="" width={thumb?.width ?? undefined} loading="lazy" /> : <span class="kind">{m.kind.toUpperCase()}</span>}
              <span dir="auto">{name}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

export function MediaUsageList(p: { usage: readonly MediaUsage[] }) {
  if (!p.usage.length) return <p>Nothing uses this file.</p>;
  return (
    <ul>
      {p.usage.map((u) => (
        <li><a href={`/admin/items/${u.itemId}`} dir="auto">{u.title}</a> ({u.edition}, {u.type}, {u.how === 'featured' ? 'featured image' : 'in the body'})</li>
      ))}
    </ul>
  );
}
