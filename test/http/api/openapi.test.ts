import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Validator } from '@seriousme/openapi-schema-validator';
import { DIALECTS, dialectSkipReason } from '../../support/dialects.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';
import { apiGet, makeKeyInNewsroom } from './api-client.js';

const DOC_ID = 'https://nashr.invalid/openapi.json';

/** A JSON pointer segment. */
const seg = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

for (const dialect of DIALECTS) {
  describe(`the OpenAPI document on ${dialect}`, { skip: await dialectSkipReason(dialect) }, () => {
    let site: TestSite;
    let key: string;
    let doc: any;
    let ajv: Ajv2020;

    before(async () => {
      site = await openTestSite(dialect, { config: { apiRateLimit: 1_000_000 } });
      key = (await makeKeyInNewsroom(site.app, site.storage.db)).key;
      const res = await site.app.inject({ url: '/api/v1/openapi.json' });
      assert.equal(res.statusCode, 200, 'served without a key');
      assert.match(String(res.headers['content-type']), /^application\/json/);
      doc = JSON.parse(res.body);
      // An independent validator: ajv's JSON Schema 2020-12, with its own checks of the two formats used.
      ajv = new Ajv2020({ strict: false, allErrors: true });
      ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s));
      ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s)));
      ajv.addSchema({ ...doc, $id: DOC_ID });
    });
    after(() => site?.close());

    /** The documented schema of an operation's answer with this status (following a shared response's $ref). */
    function responseSchema(path: string, status: string) {
      let pointer = `/paths/${seg(path)}/get/responses/${status}`;
      const response = doc.paths[path].get.responses[status];
      assert.ok(response, `${path} documents ${status}`);
      if (response.$ref) pointer = response.$ref.slice(1);
      const validate = ajv.getSchema(`${DOC_ID}#${pointer}/content/application~1json/schema`);
      assert.ok(validate, `a JSON schema for ${path} ${status}`);
      return validate;
    }

    function assertValid(validate: ReturnType<typeof responseSchema>, body: unknown, what: string) {
      const ok = validate!(body);
      assert.ok(ok, `${what}: ${JSON.stringify(validate!.errors?.slice(0, 3))}`);
    }

    it('is a valid OpenAPI 3.1 document (checked against the official schema)', async () => {
      assert.match(doc.openapi, /^3\.1\.\d+$/);
      assert.ok(doc.info.title && doc.info.version);
      const validator = new Validator();
      const result = await validator.validate(structuredClone(doc));
      assert.ok(result.valid, JSON.stringify(result.errors));
      assert.equal(validator.version, '3.1');
      for (const [path, ops] of Object.entries<any>(doc.paths)) {
        for (const [method, op] of Object.entries<any>(ops)) assert.ok(Object.keys(op.responses).length > 0, `${method} ${path} has responses`);
      }
      assert.equal(doc.components.securitySchemes.bearerKey.scheme, 'bearer');
      assert.ok(doc.components.schemas.Error);
      assert.equal(doc.servers[0].url, 'https://news.example/api/v1');
    });

    it('every endpoint answers what the document says, with and without fields=', async () => {
      const firstId = (await apiGet(site.app, '/api/v1/items?limit=1', key)).body.items[0].id;
      const urls: Record<string, string[]> = {
        '/items': [
          '/items?limit=100', ...['page', 'cartoon', 'newspic', 'gallery', 'video', 'book', 'periodical', 'issue'].map((t) => `/items?type=${t}&limit=30`),
          '/items?limit=50&sort=updated', '/items?fields=title,url,details', '/items?fields=featured_image,translations,tags,category,author&limit=100',
        ],
        '/items/{id}': [`/items/${firstId}`, `/items/${firstId}?fields=body_html`],
        '/categories': ['/categories?limit=100', '/categories?edition=ar'],
        '/tags': ['/tags?limit=100'],
        '/editions': ['/editions'],
        '/menus/{edition}': ['/menus/en', '/menus/fa', '/menus/ar', '/menus/sq'],
        '/openapi.json': ['/openapi.json'],
      };
      assert.deepEqual(Object.keys(urls).sort(), Object.keys(doc.paths).sort(), 'every documented path is exercised');
      const strictItem = ajv.getSchema(`${DOC_ID}#/components/schemas/Item`)!;
      const types = new Set<string>();
      for (const [path, list] of Object.entries(urls)) {
        for (const url of list) {
          const r = await apiGet(site.app, `/api/v1${url}`, key);
          assert.equal(r.status, 200, url);
          assertValid(responseSchema(path, '200'), r.body, url);
          if (!url.includes('fields=')) {
            for (const item of path === '/items' ? r.body.items : path === '/items/{id}' ? [r.body.item] : []) {
              assertValid(strictItem, item, `${url} item ${item.id} against the full Item`);
              assert.deepEqual(Object.keys(item), doc.components.schemas.Item.required, 'every field, in the documented order');
              types.add(item.type);
            }
          }
        }
      }
      assert.deepEqual([...types].sort(), doc.components.schemas.Item.properties.type.enum.slice().sort(), 'every item type was checked');
    });

    it('the errors have the documented Error shape', async () => {
      const cases: [string, string, string | undefined][] = [
        ['/items', '400', '/api/v1/items?limit=abc'],
        ['/items', '401', undefined],
        ['/items/{id}', '404', '/api/v1/items/99999999'],
        ['/menus/{edition}', '404', '/api/v1/menus/xx'],
      ];
      for (const [path, status, url] of cases) {
        const r = await apiGet(site.app, url ?? '/api/v1/items', url ? key : undefined);
        assert.equal(String(r.status), status);
        assertValid(responseSchema(path, status), r.body, `${status} ${url}`);
      }
    });
  });
}
