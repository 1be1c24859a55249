import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { raw } from '#jsx/jsx-runtime';
import { AccountError, changeOwnPassword, confirmTotpEnrolment, disableTotp, endAllSessions, findUser, pendingTotpSecret, startTotpEnrolment, totpUri } from '../../modules/accounts/index.js';
import { Csrf, Field } from '../../themes/admin/form-fields.js';
import type { AdminContext } from './admin-context.js';
import { AdminHttpError } from './admin-errors.js';
import { sendAdminPage } from './admin-page.js';
import { formOf, formText } from './form-values.js';
import { actorOfRequest, SESSION_COOKIE } from './session-hooks.js';

/** Status for a refusal: a wrong password or code is 401 (as at sign-in), bad input 400, too many tries 429. */
const statusOf = (err: AccountError) => (err.code === 'accounts.rate_limited' ? 429 : err.code === 'accounts.invalid_credentials' || err.code === 'accounts.invalid_code' ? 401 : 400);

/** One's own account: password and two-factor sign-in. Any signed-in person, for themselves only. */
export async function accountRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;

  /** Wrong current passwords count against the same limiter as sign-in, so a stolen session cannot guess it. */
  const guarded = async <T,>(req: FastifyRequest, work: () => Promise<T>): Promise<T> => {
    const account = req.newsroom?.user.email ?? String(actorOfRequest(req).id);
    const wait = ctx.limiter.retryAfter(account, req.ip);
    if (wait > 0) throw new AccountError('accounts.rate_limited', `too many wrong passwords or codes: try again in ${Math.ceil(wait / 60)} minutes`);
    try {
      const result = await work();
      return result;
    } catch (err) {
      if (err instanceof AccountError && (err.code === 'accounts.invalid_credentials' || err.code === 'accounts.invalid_code')) ctx.limiter.recordFailure(account, req.ip);
      throw err;
    }
  };

  const accountPage = async (req: FastifyRequest, reply: FastifyReply, error?: { text: string; status: number }) => {
    const me = await findUser(ctx.db, actorOfRequest(req).id);
    if (!me) throw new AdminHttpError(401, 'unauthenticated', 'Sign in first.');
    return sendAdminPage(ctx, req, reply, { title: 'Your account', section: 'account', error: error?.text, status: error?.status }, (csrf) => (
      <>
        <section aria-labelledby="password-heading">
          <h2 id="password-heading">Password</h2>
          <form method="post" action="/admin/account/password" class="narrow">
            <Csrf token={csrf} />
            <Field name="current" label="Current password" type="password" autocomplete="current-password" required maxlength={1000} />
            <Field name="next" label="New password" type="password" autocomplete="new-password" required maxlength={1000} hint="At least 10 characters." />
            <Field name="repeat" label="New password again" type="password" autocomplete="new-password" required maxlength={1000} />
            <p class="hint">Changing it signs you out on every other device.</p>
            <button type="submit" class="primary">Change password</button>
          </form>
        </section>
        <section aria-labelledby="totp-heading">
          <h2 id="totp-heading">Two-factor sign-in</h2>
          {me.twoFactor ? (
            <form method="post" action="/admin/account/totp/disable" class="narrow">
              <Csrf token={csrf} />
              <p>Two-factor sign-in is <strong>on</strong>: after your password, sign-in asks for the code from your authenticator app.</p>
              <Field name="password" id="f-disable-password" label="Your password, to turn it off" type="password" autocomplete="current-password" required maxlength={1000} />
              <button type="submit">Turn two-factor sign-in off</button>
            </form>
          ) : (
            <form method="post" action="/admin/account/totp/start" class="narrow">
              <Csrf token={csrf} />
              <p>Two-factor sign-in is <strong>off</strong>. With it on, sign-in also asks for a code from an authenticator app on your phone.</p>
              <button type="submit" class="primary">Set up two-factor sign-in</button>
            </form>
          )}
        </section>
      </>
    ));
  };

  const setupPage = async (req: FastifyRequest, reply: FastifyReply, secret: string, error?: { text: string; status: number }) => {
    const me = req.newsroom!.user;
    const uri = totpUri(secret, me.email ?? me.displayName);
    // The SVG is made here from our own secret and address, not from anything the visitor sent.
    const svg = await QRCode.toString(uri, { type: 'svg', margin: 1 });
    return sendAdminPage(ctx, req, reply, { title: 'Set up two-factor sign-in', section: 'account', error: error?.text, status: error?.status }, (csrf) => (
      <form method="post" action="/admin/account/totp/confirm" class="narrow">
        <Csrf token={csrf} />
        <ol>
          <li>Scan this code with an authenticator app (for example FreeOTP, Aegis, Google Authenticator).
            <div class="qr" role="img" aria-label="QR code of the two-factor secret">{raw(svg)}</div>
          </li>
          <li>Or type this key into the app: <code class="secret">{secret}</code></li>
          <li>Enter the 6-digit code the app shows. The setup expires in ten minutes.</li>
        </ol>
        <Field name="code" label="Code from the app" autocomplete="one-time-code" inputmode="numeric" maxlength={8} required />
        <button type="submit" class="primary">Turn two-factor sign-in on</button>{' '}
        <a href="/admin/account">Cancel</a>
      </form>
    ));
  };

  app.get('/account', async (req, reply) => accountPage(req, reply));

  app.post('/account/password', async (req, reply) => {
    const f = formOf(req.body);
    const userId = actorOfRequest(req).id;
    try {
      await guarded(req, () => changeOwnPassword(ctx.db, userId, { current: formText(f, 'current', 1000), next: formText(f, 'next', 1000), repeat: formText(f, 'repeat', 1000) }));
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return accountPage(req, reply, { text: err.message, status: statusOf(err) });
    }
    // Whoever had the old password may hold another session: end all but this one.
    await endAllSessions(ctx.db, userId, req.cookies[SESSION_COOKIE]);
    return reply.redirect('/admin/account?notice=password', 303);
  });

  app.post('/account/totp/start', async (req, reply) => {
    const me = req.newsroom!.user;
    if (me.twoFactor) return reply.redirect('/admin/account', 303);
    const secret = await startTotpEnrolment(ctx.db, me.id, ctx.clock.now());
    return setupPage(req, reply, secret);
  });

  app.post('/account/totp/confirm', async (req, reply) => {
    const me = req.newsroom!.user;
    const now = ctx.clock.now();
    try {
      await guarded(req, () => confirmTotpEnrolment(ctx.db, me.id, formText(formOf(req.body), 'code', 20), now));
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      const secret = await pendingTotpSecret(ctx.db, me.id, now);
      const error = { text: err.message, status: statusOf(err) };
      return secret ? setupPage(req, reply, secret, error) : accountPage(req, reply, error);
    }
    return reply.redirect('/admin/account?notice=totp_on', 303);
  });

  app.post('/account/totp/disable', async (req, reply) => {
    const me = req.newsroom!.user;
    try {
      await guarded(req, () => disableTotp(ctx.db, me.id, formText(formOf(req.body), 'password', 1000)));
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return accountPage(req, reply, { text: err.message, status: statusOf(err) });
    }
    return reply.redirect('/admin/account?notice=totp_off', 303);
  });
}
