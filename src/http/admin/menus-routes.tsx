import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canManageSite, type Actor } from '../../modules/accounts/index.js';
import type { Edition } from '../../modules/editions/index.js';
import {
  createMenuItem,
  deleteMenuItem,
  findMenuItem,
  menuItemEdition,
  menuSubtree,
  menuTree,
  MenuError,
  moveMenuItem,
  reorderMenu,
  updateMenuItem,
  type MenuEntryInput,
  type MenuNode,
} from '../../modules/menus/index.js';
import { Csrf, Field, Select } from '../../themes/admin/form-fields.js';
import type { AdminContext } from './admin-context.js';
import { badRequest, forbidden, idParam } from './admin-errors.js';
import { sendAdminPage } from './admin-page.js';
import { formList, formOf, formText, type FormBody } from './form-values.js';
import { actorOfRequest } from './session-hooks.js';

const TARGET_HINT = 'A path in this edition (/about/), a full address (https://…), # for a label that only opens its sub-menu, or edition:xx for another edition’s home.';

/** An id from a form field, or a 400 (never NaN into a query). */
function formId(raw: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) throw badRequest('The form named an entry that does not exist.');
  return Number(raw);
}

function entryInput(f: FormBody): MenuEntryInput {
  const parent = formText(f, 'parentId', 20);
  return { label: formText(f, 'label', 1000), target: formText(f, 'target', 2000), parentId: parent ? formId(parent) : null };
}

/** Every entry with its depth, in page order, for the parent select. */
function flatten(nodes: MenuNode[], depth = 0, out: { node: MenuNode; depth: number }[] = []) {
  for (const node of nodes) {
    out.push({ node, depth });
    flatten(node.children, depth + 1, out);
  }
  return out;
}

/** Ids of an entry and everything under it (an entry cannot move under these). */
function ownSubtree(nodes: MenuNode[], id: number): Set<number> {
  const found = flatten(nodes).find((x) => x.node.id === id)?.node;
  return new Set(found ? flatten([found]).map((x) => x.node.id) : []);
}

function parentOptions(tree: MenuNode[], exclude: Set<number>) {
  return [{ value: '', label: '(top level)' }, ...flatten(tree).filter((x) => !exclude.has(x.node.id)).map((x) => ({ value: String(x.node.id), label: `${'— '.repeat(x.depth)}${x.node.label}` }))];
}

function EntryFields(p: { edition: Edition; tree: MenuNode[]; values: { label: string; target: string; parentId: string }; exclude?: Set<number> }) {
  return (
    <>
      <Field name="label" label="Label" value={p.values.label} required maxlength={200} dir={p.edition.dir} lang={p.edition.locale} />
      <Field name="target" label="Target" value={p.values.target} required maxlength={2000} dir="ltr" hint={TARGET_HINT} />
      <Select name="parentId" label="Under" value={p.values.parentId} options={parentOptions(p.tree, p.exclude ?? new Set())} />
    </>
  );
}

/**
 * The tree, as a form that saves the order: hidden `order` fields in page order, and move buttons
 * that also work without script. The buttons at either end stay enabled (the server leaves such a
 * move as it is), since the script reorders entries in place and would leave stale disabled states.
 */
function MenuBranch(p: { nodes: MenuNode[]; edition: Edition; top?: boolean }) {
  return (
    <ol class={p.top ? 'menu-tree' : undefined} data-sortable data-moved-label="{name}: position {position} of {total}">
      {p.nodes.map((n) => (
        <li data-id={String(n.id)}>
          <div class="menu-row">
            <input type="hidden" name="order" value={String(n.id)} />
            <strong lang={p.edition.locale} dir={p.edition.dir} data-item-label>{n.label}</strong>
            <code dir="ltr">{n.target}</code>
            <button type="submit" name="move" value={`up:${n.id}`} formaction="/admin/menus/move">Move up<span class="visually-hidden"> {n.label}</span></button>
            <button type="submit" name="move" value={`down:${n.id}`} formaction="/admin/menus/move">Move down<span class="visually-hidden"> {n.label}</span></button>
            <a href={`/admin/menus/${n.id}`}>Edit<span class="visually-hidden"> {n.label}</span></a>
            <a href={`/admin/menus/${n.id}/delete`}>Delete<span class="visually-hidden"> {n.label}</span></a>
          </div>
          {n.children.length ? <MenuBranch nodes={n.children} edition={p.edition} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** Menus of each edition: administrators, and editors of that edition. */
export async function menusRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;

  const manageable = (actor: Actor) => ctx.editions.filter((e) => canManageSite(actor, e.code));

  /** The edition asked for (or the first the person may manage), after checking their rights on it. */
  const editionFor = (req: FastifyRequest, raw: unknown): Edition => {
    const actor = actorOfRequest(req);
    if (raw === undefined || raw === '') {
      const first = manageable(actor)[0];
      if (!first) throw forbidden('Only administrators and editors manage menus.');
      return first;
    }
    const edition = ctx.editions.find((e) => e.code === raw);
    if (!edition) throw badRequest('There is no such edition.');
    if (!canManageSite(actor, edition.code)) throw forbidden(`You may not change the ${edition.name} menu.`);
    return edition;
  };

  /** The edition an entry belongs to, after checking the person's rights on it. */
  const entryEdition = async (req: FastifyRequest): Promise<{ id: number; edition: Edition }> => {
    const id = idParam((req.params as { id: string }).id);
    return { id, edition: editionFor(req, await menuItemEdition(ctx.db, id)) };
  };

  const listPage = async (req: FastifyRequest, reply: FastifyReply, edition: Edition, add?: { values: { label: string; target: string; parentId: string }; error: string }) => {
    const tree = await menuTree(ctx.db, edition.code);
    const editions = manageable(actorOfRequest(req));
    return sendAdminPage(ctx, req, reply, { title: 'Menus', section: 'menus', error: add?.error }, (csrf) => (
      <>
        {editions.length > 1 ? (
          <nav class="tabs" aria-label="Editions">
            <ul>
              {editions.map((e) => (
                <li><a href={`/admin/menus?edition=${e.code}`} aria-current={e.code === edition.code ? 'page' : undefined}>{e.name}</a></li>
              ))}
            </ul>
          </nav>
        ) : null}
        <section aria-labelledby="menu-heading">
          <h2 id="menu-heading">Main menu of the {edition.name} edition</h2>
          {tree.length ? (
            <form method="post" action="/admin/menus/order">
              <Csrf token={csrf} />
              <input type="hidden" name="edition" value={edition.code} />
              <p class="hint">Drag entries, or use Move up and Move down, then save the order. Without script, Move up and Move down save at once.</p>
              <MenuBranch nodes={tree} edition={edition} top />
              <button type="submit" class="primary">Save order</button>
            </form>
          ) : (
            <p class="empty">This menu has no entries yet.</p>
          )}
        </section>
        <section aria-labelledby="add-heading">
          <h2 id="add-heading">Add an entry</h2>
          <form method="post" action="/admin/menus" class="narrow">
            <Csrf token={csrf} />
            <input type="hidden" name="edition" value={edition.code} />
            <EntryFields edition={edition} tree={tree} values={add?.values ?? { label: '', target: '', parentId: '' }} />
            <button type="submit">Add entry</button>
          </form>
        </section>
      </>
    ));
  };

  const back = (reply: FastifyReply, edition: Edition, notice: string) => reply.redirect(`/admin/menus?edition=${edition.code}&notice=${notice}`, 303);

  app.get('/menus', async (req, reply) => listPage(req, reply, editionFor(req, (req.query as Record<string, unknown>).edition)));

  app.post('/menus', async (req, reply) => {
    const f = formOf(req.body);
    const edition = editionFor(req, formText(f, 'edition', 20));
    try {
      await createMenuItem(ctx.db, edition.code, entryInput(f));
    } catch (err) {
      if (!(err instanceof MenuError) || err.code === 'menus.not_found') throw err;
      return listPage(req, reply, edition, { values: { label: formText(f, 'label', 1000), target: formText(f, 'target', 2000), parentId: formText(f, 'parentId', 20) }, error: err.message });
    }
    return back(reply, edition, 'created');
  });

  app.post('/menus/order', async (req, reply) => {
    const f = formOf(req.body);
    const edition = editionFor(req, formText(f, 'edition', 20));
    await reorderMenu(ctx.db, edition.code, formList(f, 'order').slice(0, 10_000).map(formId));
    return back(reply, edition, 'saved');
  });

  app.post('/menus/move', async (req, reply) => {
    const f = formOf(req.body);
    const edition = editionFor(req, formText(f, 'edition', 20));
    const m = /^(up|down):([1-9][0-9]{0,9})$/.exec(formText(f, 'move', 40));
    if (!m) throw badRequest('Say which entry to move, and up or down.');
    await moveMenuItem(ctx.db, edition.code, Number(m[2]), m[1] as 'up' | 'down');
    return back(reply, edition, 'saved');
  });

  const editPage = async (req: FastifyRequest, reply: FastifyReply, id: number, edition: Edition, values: { label: string; target: string; parentId: string }, error?: string) => {
    const tree = await menuTree(ctx.db, edition.code);
    return sendAdminPage(ctx, req, reply, { title: 'Edit menu entry', section: 'menus', error }, (csrf) => (
      <form method="post" action={`/admin/menus/${id}`} class="narrow">
        <Csrf token={csrf} />
        <p>In the menu of the {edition.name} edition.</p>
        <EntryFields edition={edition} tree={tree} values={values} exclude={ownSubtree(tree, id)} />
        <button type="submit" class="primary">Save</button>{' '}
        <a href={`/admin/menus?edition=${edition.code}`}>Cancel</a>
      </form>
    ));
  };

  app.get('/menus/:id', async (req, reply) => {
    const { id, edition } = await entryEdition(req);
    const entry = await findMenuItem(ctx.db, edition.code, id);
    return editPage(req, reply, id, edition, { label: entry.label, target: entry.target, parentId: entry.parentId === null ? '' : String(entry.parentId) });
  });

  app.post('/menus/:id', async (req, reply) => {
    const { id, edition } = await entryEdition(req);
    const f = formOf(req.body);
    try {
      await updateMenuItem(ctx.db, edition.code, id, entryInput(f));
    } catch (err) {
      if (!(err instanceof MenuError) || err.code === 'menus.not_found') throw err;
      return editPage(req, reply, id, edition, { label: formText(f, 'label', 1000), target: formText(f, 'target', 2000), parentId: formText(f, 'parentId', 20) }, err.message);
    }
    return back(reply, edition, 'saved');
  });

  app.get('/menus/:id/delete', async (req, reply) => {
    const { id, edition } = await entryEdition(req);
    const going = await menuSubtree(ctx.db, edition.code, id);
    return sendAdminPage(ctx, req, reply, { title: 'Delete menu entry', section: 'menus' }, (csrf) => (
      <form method="post" action={`/admin/menus/${id}/delete`} class="narrow">
        <Csrf token={csrf} />
        <p>{going.length > 1 ? `These ${going.length} entries will be deleted from the ${edition.name} menu — the entry and everything under it:` : `This entry will be deleted from the ${edition.name} menu:`}</p>
        <ul>
          {going.map((e) => (
            <li><strong lang={edition.locale} dir={edition.dir}>{e.label}</strong> <code dir="ltr">{e.target}</code></li>
          ))}
        </ul>
        <button type="submit" class="danger">Delete</button>{' '}
        <a href={`/admin/menus?edition=${edition.code}`}>Cancel</a>
      </form>
    ));
  });

  app.post('/menus/:id/delete', async (req, reply) => {
    const { id, edition } = await entryEdition(req);
    await deleteMenuItem(ctx.db, edition.code, id);
    return back(reply, edition, 'deleted');
  });
}
