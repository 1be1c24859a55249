import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../../src/http/plugins/security-headers.js';
import { openTestSite, type TestSite } from '../../support/test-site.js';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('the Content-Security-Policy', () => {
  let site: TestSite;
  before(async () => {
    site = await openTestSite('sqlite', { seed: false });
  });
  after(() => site?.close());

  it('frames only the YouTube no-cookie and Vimeo players, and allows no inline script or style', async () => {
    const res = await site.app.inject({ url: '/' });
    const csp = directives(String(res.headers['content-security-policy']));
    assert.deepEqual(csp.get('frame-src'), ['https://www.youtube-nocookie.com', 'https://player.vimeo.com']);
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), ["'self'"]);
    assert.deepEqual(csp.get('style-src'), ["'self'"]);
    assert.deepEqual(csp.get('media-src'), ["'self'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.equal(String(res.headers['content-security-policy']), CONTENT_SECURITY_POLICY);
  });

  it('adds to media-src only the hosts a page is given, nothing to the other directives', () => {
    const base = directives(CONTENT_SECURITY_POLICY);
    const wider = directives(contentSecurityPolicy(['https://cdn.example.org']));
    assert.deepEqual(wider.get('media-src'), ["'self'", 'https://cdn.example.org']);
    for (const [name, values] of base) if (name !== 'media-src') assert.deepEqual(wider.get(name), values, name);
  });
});
