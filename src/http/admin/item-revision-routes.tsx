import type { FastifyInstance } from 'fastify';
import { diffWords } from 'diff';
import type { Html } from '#jsx/jsx-runtime';
import { bodyAsText, COMPARED_FIELDS, getRevision, listRevisions, restoreRevision, type ItemState } from '../../modules/content/index.js';
import { Csrf, TableWrap } from '../../themes/admin/form-fields.js';
import type { AdminContext } from './admin-context.js';
import { idParam } from './admin-errors.js';
import { sendAdminPage } from './admin-page.js';
import { actorOfRequest } from './session-hooks.js';

const show = (v: ItemState[keyof ItemState]): string => (Array.isArray(v) ? v.join(', ') : v === null ? '—' : String(v));

/** Words removed and added between two texts, marked with <del> and <ins>. */
function WordDiff(p: { from: string; to: string }): Html {
  return <>{diffWords(p.from, p.to).map((part) => (part.added ? <ins>{part.value}</ins> : part.removed ? <del>{part.value}</del> : part.value))}</>;
}

/** Every save's revision: the list, a comparison of any two, and restoring one. */
export async function itemRevisionRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;

  app.get('/items/:id/revisions', async (req, reply) => {
    const actor = actorOfRequest(req);
    const id = idParam((req.params as { id: string }).id);
    const revisions = await listRevisions(ctx.db, actor, id);
    return sendAdminPage(ctx, req, reply, { title: 'Revisions', section: 'article' }, (csrf) => (
      <>
        <p><a href={`/admin/items/${id}`}>← Back to the editor</a></p>
        <form method="get" action={`/admin/items/${id}/revisions/compare`}>
          <TableWrap label="Revisions">
            <table>
              <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Saved (UTC)</th><th scope="col">By</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Restore</span></th></tr></thead>
              <tbody>
                {revisions.map((r, i) => (
                  <tr>
                    <td><input type="radio" name="from" value={String(r.id)} checked={i === 1 || (revisions.length === 1 && i === 0)} aria-label={`Compare from revision ${r.id}`} /></td>
                    <td><input type="radio" name="to" value={String(r.id)} checked={i === 0} aria-label={`Compare to revision ${r.id}`} /></td>
                    <td><time datetime={r.createdAt}>{r.createdAt.slice(0, 19).replace('T', ' ')}</time></td>
                    <td dir="auto">{r.userName ?? '—'}</td>
                    <td dir="auto">{r.title}</td>
                    <td>{r.status}</td>
                    <td>{i === 0 ? 'current' : <button type="submit" form={`restore-${r.id}`}>Restore</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p class="actions"><button type="submit" class="primary">Compare</button></p>
        </form>
        {revisions.slice(1).map((r) => (
          <form id={`restore-${r.id}`} method="post" action={`/admin/items/${id}/revisions/${r.id}/restore`}><Csrf token={csrf} /></form>
        ))}
      </>
    ));
  });

  app.get('/items/:id/revisions/compare', async (req, reply) => {
    const actor = actorOfRequest(req);
    const id = idParam((req.params as { id: string }).id);
    const q = req.query as Record<string, string>;
    const [a, b] = await Promise.all([getRevision(ctx.db, actor, id, idParam(q.from)), getRevision(ctx.db, actor, id, idParam(q.to))]);
    const changed = COMPARED_FIELDS.filter((f) => show(a.state[f.key]) !== show(b.state[f.key]));
    const bodyFrom = bodyAsText(a.state.bodyHtml);
    const bodyTo = bodyAsText(b.state.bodyHtml);
    return sendAdminPage(ctx, req, reply, { title: `Revision ${a.id} → ${b.id}`, section: 'article' }, () => (
      <>
        <p><a href={`/admin/items/${id}/revisions`}>← All revisions</a></p>
        <TableWrap label="Changes" class="diff">
          <table>
            <thead><tr><th scope="col">Field</th><th scope="col">Change</th></tr></thead>
            <tbody>
              {changed.map((f) => <tr><th scope="row">{f.label}</th><td dir="auto"><WordDiff from={show(a.state[f.key])} to={show(b.state[f.key])} /></td></tr>)}
              <tr><th scope="row">Body</th><td dir="auto">{bodyFrom === bodyTo ? (a.state.bodyHtml === b.state.bodyHtml ? 'No change' : 'Only markup changed') : <WordDiff from={bodyFrom} to={bodyTo} />}</td></tr>
            </tbody>
          </table>
        </TableWrap>
      </>
    ));
  });

  app.post('/items/:id/revisions/:rev/restore', async (req, reply) => {
    const actor = actorOfRequest(req);
    const p = req.params as { id: string; rev: string };
    const id = idParam(p.id);
    await restoreRevision(ctx.db, { actor, now: ctx.clock.now(), editionCodes: ctx.editions.map((e) => e.code) }, id, idParam(p.rev));
    return reply.redirect(`/admin/items/${id}?notice=restored`, 303);
  });
}
