import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccountError, canAdminister, createUser, endAllSessions, findUser, listUsers, passwordSchema, ROLES, setPassword, updateUser, type Role, type UserView } from '../../modules/accounts/index.js';
import type { Edition } from '../../modules/editions/index.js';
import { Csrf, Field, Select, TableWrap } from '../../themes/admin/form-fields.js';
import type { AdminContext } from './admin-context.js';
import { forbidden, idParam, notFound } from './admin-errors.js';
import { sendAdminPage } from './admin-page.js';
import { formChecked, formList, formOf, formText } from './form-values.js';
import { actorOfRequest, SESSION_COOKIE } from './session-hooks.js';

const ROLE_LABELS: Record<Role, string> = { administrator: 'Administrator', editor: 'Editor', author: 'Author', contributor: 'Contributor' };

/** What the user form shows: never a password. */
interface UserFormValues {
  displayName: string;
  email: string;
  role: string;
  /** null: every edition */
  editions: string[] | null;
  disabled: boolean;
}

function editionsText(editions: readonly Edition[], codes: string[] | null): string {
  if (!codes) return 'All';
  return codes.map((c) => editions.find((e) => e.code === c)?.name ?? c).join(', ');
}

function UserForm(p: { ctx: AdminContext; csrf: string; action: string; values: UserFormValues; isNew: boolean }) {
  const v = p.values;
  const chosen = new Set(v.editions ?? []);
  return (
    <form method="post" action={p.action} class="narrow">
      <Csrf token={p.csrf} />
      <Field name="displayName" label="Name" value={v.displayName} required maxlength={200} autocomplete="off" />
      <Field name="email" label="Email" type="email" value={v.email} required maxlength={200} autocomplete="off" />
      <Select name="role" label="Role" value={v.role} options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
      <fieldset>
        <legend>Editions</legend>
        <p class="hint" id="editions-hint">Leave all unticked for every edition, including editions added later.</p>
        <div class="checks">
        {p.ctx.editions.map((e) => (
          <label>
            <input type="checkbox" name="editions" value={e.code} checked={chosen.has(e.code)} aria-describedby="editions-hint" />{' '}
            {e.name} <span lang={e.locale} dir={e.dir}>{e.nativeName}</span>
          </label>
        ))}
        </div>
      </fieldset>
      {p.isNew ? null : (
        <div class="checks">
          <label>
            <input type="checkbox" name="disabled" value="1" checked={v.disabled} /> Disabled (cannot sign in; signed out everywhere)
          </label>
        </div>
      )}
      <Field
        name="password"
        label={p.isNew ? 'Initial password' : 'New password (optional)'}
        type="password"
        autocomplete="new-password"
        required={p.isNew}
        maxlength={1000}
        hint={p.isNew ? 'At least 10 characters. Give it to the person in a safe way; they can change it under Account.' : 'Leave empty to keep the current password. A new one signs the person out everywhere.'}
      />
      <button type="submit" class="primary">{p.isNew ? 'Create user' : 'Save'}</button>{' '}
      <a href="/admin/users">Cancel</a>
    </form>
  );
}

/** Newsroom users: administrators only, checked here for every route of the plugin. */
export async function usersRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;

  app.addHook('preHandler', async (req) => {
    if (!canAdminister(actorOfRequest(req))) throw forbidden('Only administrators manage users.');
  });

  const valuesOf = (body: unknown): UserFormValues & { password: string } => {
    const f = formOf(body);
    const known = new Set(ctx.editions.map((e) => e.code));
    const editions = formList(f, 'editions').filter((c) => known.has(c));
    return {
      displayName: formText(f, 'displayName', 300),
      email: formText(f, 'email', 300),
      role: formText(f, 'role', 40),
      editions: editions.length ? [...new Set(editions)] : null,
      disabled: formChecked(f, 'disabled'),
      password: formText(f, 'password', 1000),
    };
  };

  const formPage = (req: FastifyRequest, reply: FastifyReply, a: { title: string; action: string; values: UserFormValues; isNew: boolean; error?: string }) =>
    sendAdminPage(ctx, req, reply, { title: a.title, section: 'users', error: a.error }, (csrf) => <UserForm ctx={ctx} csrf={csrf} action={a.action} values={a.values} isNew={a.isNew} />);

  app.get('/users', async (req, reply) => {
    const users = await listUsers(ctx.db);
    return sendAdminPage(ctx, req, reply, { title: 'Users', section: 'users' }, () => (
      <>
        <p><a class="button" href="/admin/users/new">New user</a></p>
        <TableWrap label="Users">
          <table>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Editions</th><th scope="col">Two-factor</th><th scope="col">Status</th></tr>
            </thead>
            <tbody>
              {users.map((u: UserView) => (
                <tr>
                  <td>{u.role === 'none' ? u.displayName : <a href={`/admin/users/${u.id}`}>{u.displayName}</a>}</td>
                  <td>{u.email ?? '—'}</td>
                  <td>{u.role === 'none' ? 'Author profile (no sign-in)' : ROLE_LABELS[u.role]}</td>
                  <td>{u.role === 'none' ? '—' : editionsText(ctx.editions, u.editions)}</td>
                  <td>{u.role === 'none' ? '—' : u.twoFactor ? 'On' : 'Off'}</td>
                  <td>{u.disabled ? <span class="status">Disabled</span> : u.role === 'none' ? '—' : 'Active'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </>
    ));
  });

  app.get('/users/new', async (req, reply) =>
    formPage(req, reply, { title: 'New user', action: '/admin/users', isNew: true, values: { displayName: '', email: '', role: 'author', editions: null, disabled: false } }),
  );

  app.post('/users', async (req, reply) => {
    const { password, ...values } = valuesOf(req.body);
    try {
      await createUser(ctx.db, { displayName: values.displayName, email: values.email, role: values.role as Role, editions: values.editions, password });
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return formPage(req, reply, { title: 'New user', action: '/admin/users', isNew: true, values, error: err.message });
    }
    return reply.redirect('/admin/users?notice=created', 303);
  });

  const userOr404 = async (raw: unknown) => {
    const user = await findUser(ctx.db, idParam(raw));
    if (!user || user.role === 'none') throw notFound('There is no such newsroom user.');
    return user;
  };

  app.get('/users/:id', async (req, reply) => {
    const user = await userOr404((req.params as { id: string }).id);
    return formPage(req, reply, {
      title: `User: ${user.displayName}`,
      action: `/admin/users/${user.id}`,
      isNew: false,
      values: { displayName: user.displayName, email: user.email ?? '', role: user.role, editions: user.editions, disabled: user.disabled },
    });
  });

  app.post('/users/:id', async (req, reply) => {
    const user = await userOr404((req.params as { id: string }).id);
    const actor = actorOfRequest(req);
    const { password, ...values } = valuesOf(req.body);
    const page = { title: `User: ${user.displayName}`, action: `/admin/users/${user.id}`, isNew: false, values };
    // Check the new password before saving anything, so a refusal changes nothing.
    const pw = password ? passwordSchema.safeParse(password) : undefined;
    if (pw && !pw.success) return formPage(req, reply, { ...page, error: `New password: ${pw.error.issues[0]?.message ?? 'not accepted'}` });
    try {
      await updateUser(ctx.db, user.id, { displayName: values.displayName, email: values.email, role: values.role as Role, editions: values.editions, disabled: values.disabled });
    } catch (err) {
      if (!(err instanceof AccountError) || err.code === 'accounts.not_found') throw err;
      return formPage(req, reply, { ...page, error: err.message });
    }
    if (pw?.success) {
      await setPassword(ctx.db, user.id, pw.data);
      // Whoever knew the old password is signed out; an administrator resetting their own keeps this session.
      await endAllSessions(ctx.db, user.id, user.id === actor.id ? req.cookies[SESSION_COOKIE] : undefined);
    }
    return reply.redirect('/admin/users?notice=saved', 303);
  });
}
