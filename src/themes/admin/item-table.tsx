import { TableWrap } from './form-fields.js';
import type { Edition } from '../../modules/editions/index.js';
import type { NewsroomRow } from '../../modules/content/index.js';
import { typeName } from './item-types.js';

export const STATUS_NAMES: Record<string, string> = { draft: 'Draft', pending: 'Pending review', scheduled: 'Scheduled', published: 'Published' };

function when(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** The newsroom's table of items; with `selectable`, a checkbox per row for bulk actions. */
export function ItemTable(p: { rows: NewsroomRow[]; editions: readonly Edition[]; selectable?: boolean }) {
  if (!p.rows.length) return <p class="empty">No items match.</p>;
  const byCode = new Map(p.editions.map((e) => [e.code, e]));
  return (
    <TableWrap label="Items">
      <table class="items">
        <thead>
          <tr>
            {p.selectable ? <th scope="col"><input type="checkbox" data-select-all aria-label="Select all" /></th> : null}
            <th scope="col">Title</th>
            <th scope="col">Edition</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Author</th>
            <th scope="col">Category</th>
            <th scope="col">Date (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => {
            const e = byCode.get(r.edition);
            return (
              <tr>
                {p.selectable ? <td><input type="checkbox" name="ids" value={String(r.id)} aria-label={`Select ${r.title}`} /></td> : null}
                <td><a href={`/admin/items/${r.id}`} lang={e?.locale} dir={e?.dir}>{r.title}</a></td>
                <td>{e?.name ?? r.edition}</td>
                <td>{typeName(r.type)}</td>
                <td><span class={`status status-${r.status}`}>{STATUS_NAMES[r.status] ?? r.status}</span></td>
                <td dir="auto">{r.authorName ?? '—'}</td>
                <td dir="auto">{r.categoryName ?? '—'}</td>
                <td><time datetime={r.publishedAt}>{when(r.publishedAt)}</time></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
