import type { FastifyInstance } from 'fastify';
import { canUseEdition } from '../../modules/accounts/index.js';
import { listForNewsroom, statusCounts } from '../../modules/content/index.js';
import type { AdminContext } from './admin-context.js';
import { sendAdminPage } from './admin-page.js';
import { actorOfRequest } from './session-hooks.js';
import { ItemTable } from '../../themes/admin/item-table.js';

const STATUS_LABELS: Record<string, string> = { draft: 'Drafts', pending: 'Pending review', scheduled: 'Scheduled', published: 'Published' };

/** The newsroom's front page: what waits in each edition, and a start for new writing. */
export async function dashboardRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;
  app.get('/', async (req, reply) => {
    const actor = actorOfRequest(req);
    const editions = ctx.editions.filter((e) => canUseEdition(actor, e.code));
    const counts = await statusCounts(ctx.db, actor);
    const recent = await listForNewsroom(ctx.db, actor, {}, 1, 10);
    const count = (edition: string, status: string) => counts.find((c) => c.edition === edition && c.status === status)?.n ?? 0;
    return sendAdminPage(ctx, req, reply, { title: 'Dashboard', section: 'dashboard' }, () => (
      <>
        <section aria-labelledby="editions-heading">
          <h2 id="editions-heading">Editions</h2>
          <div class="cards">
            {editions.map((e) => (
              <article class="card">
                <h3>{e.name} <span lang={e.locale} dir={e.dir}>{e.nativeName}</span></h3>
                <ul class="counts">
                  {Object.entries(STATUS_LABELS).map(([status, label]) => (
                    <li><a href={`/admin/items?edition=${e.code}&status=${status}`}>{label}: <strong>{count(e.code, status)}</strong></a></li>
                  ))}
                </ul>
                <p>
                  <a class="button" href={`/admin/items/new?edition=${e.code}&type=article`}>New article</a>{' '}
                  <a class="button secondary" href={`/admin/items/new?edition=${e.code}&type=page`}>New page</a>
                </p>
              </article>
            ))}
          </div>
        </section>
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recently changed</h2>
          <ItemTable rows={recent.rows} editions={ctx.editions} />
        </section>
      </>
    ));
  });
}
