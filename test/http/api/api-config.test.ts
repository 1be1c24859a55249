import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../src/config/config.js';

describe('read-API configuration', () => {
  it('has no CORS origins and 600 requests a minute by default', () => {
    const c = loadConfig({});
    assert.deepEqual(c.apiCorsOrigins, []);
    assert.equal(c.apiRateLimit, 600);
  });

  it('reads CORS origins as a comma list, or *', () => {
    assert.deepEqual(loadConfig({ NASHR_API_CORS_ORIGINS: 'https://app.example, http://localhost:3000' }).apiCorsOrigins, ['https://app.example', 'http://localhost:3000']);
    assert.deepEqual(loadConfig({ NASHR_API_CORS_ORIGINS: '*' }).apiCorsOrigins, ['*']);
    assert.equal(loadConfig({ NASHR_API_RATE_LIMIT: '30' }).apiRateLimit, 30);
  });

  it('a bad value stops the start with a message naming the variable', () => {
    for (const [name, value] of [['NASHR_API_CORS_ORIGINS', 'app.example'], ['NASHR_API_CORS_ORIGINS', 'https://app.example/path'], ['NASHR_API_RATE_LIMIT', 'abc'], ['NASHR_API_RATE_LIMIT', '0']] as const) {
      assert.throws(() => loadConfig({ [name]: value }), new RegExp(name));
    }
  });
});
