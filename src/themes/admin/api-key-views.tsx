import type { ApiKeyView } from '../../modules/api-keys/index.js';
import { Csrf, Field, TableWrap } from './form-fields.js';

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never');

/** A key just made: shown this once, with how to use it. */
function NewKey(p: { name: string; secret: string }) {
  return (
    <section class="new-key" aria-labelledby="new-key-heading">
      <h2 id="new-key-heading">The key “{p.name}”</h2>
      <p><strong>Copy it now: it is shown only this once.</strong> nashr keeps only a fingerprint of it and cannot show it again.</p>
      <p><label for="new-key-value">API key</label></p>
      <p><input id="new-key-value" type="text" readonly value={p.secret} size={48} dir="ltr" autocomplete="off" spellcheck="false" /></p>
      <p class="hint">Send it with every request: <code>Authorization: Bearer {p.secret.slice(0, 10)}…</code> (or <code>X-Api-Key</code>). The API is described at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
    </section>
  );
}

/** The read API's keys: a just-made key (once), the form for another, and every key with its use. */
export function ApiKeysView(p: { csrf: string; keys: ApiKeyView[]; created?: { name: string; key: string }; name: string; error?: string }) {
  return (
    <>
      {p.created ? <NewKey name={p.created.name} secret={p.created.key} /> : null}
      <p>Keys let other programs and apps read what the site publishes through the read API (<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>). A key can only read published content; revoke one you no longer trust.</p>
      <form method="post" action="/admin/api-keys" class="narrow">
        <Csrf token={p.csrf} />
        <Field name="name" label="Name of the new key" value={p.name} required maxlength={100} autocomplete="off" error={p.error}
          hint="Who or what uses it, e.g. “Mobile app” or “Partner: Radio Zamaneh”." />
        <button type="submit" class="primary">Create key</button>
      </form>
      <h2>Keys</h2>
      {p.keys.length === 0 ? <p>No keys yet.</p> : (
        <TableWrap label="API keys">
          <table>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col">Actions</th></tr>
            </thead>
            <tbody>
              {p.keys.map((k) => (
                <tr>
                  <td>{k.name}</td>
                  <td><code dir="ltr">{k.prefix}…</code></td>
                  <td><time datetime={k.createdAt}>{when(k.createdAt)}</time>{k.createdBy ? ` by ${k.createdBy}` : ''}</td>
                  <td>{k.lastUsedAt ? <time datetime={k.lastUsedAt}>{when(k.lastUsedAt)}</time> : 'never'}</td>
                  <td>{k.revokedAt ? <span class="status">Revoked <time datetime={k.revokedAt}>{when(k.revokedAt)}</time></span> : 'Active'}</td>
                  <td>
                    {k.revokedAt ? null : (
                      <form method="post" action={`/admin/api-keys/${k.id}/revoke`} data-confirm={`Revoke the key “${k.name}”? Programs using it will be refused at once. This cannot be undone.`}>
                        <Csrf token={p.csrf} />
                        <button type="submit" class="danger" aria-label={`Revoke ${k.name}`}>Revoke</button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
