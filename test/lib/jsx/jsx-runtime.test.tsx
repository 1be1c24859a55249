import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { raw } from '../../../src/lib/jsx/jsx-runtime.js';

describe('the JSX string renderer', () => {
  it('escapes text and attribute values by default', () => {
    const evil = `"><script>alert('x')</script>&`;
    const html = String(<a title={evil} href={evil}>{evil}</a>);
    assert.equal(html, '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;" href="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</a>');
  });

  it('inserts raw HTML only when it is marked with raw()', () => {
    assert.equal(String(<div>{raw('<p>kept</p>')}{'<p>escaped</p>'}</div>), '<div><p>kept</p>&lt;p&gt;escaped&lt;/p&gt;</div>');
  });

  it('renders void elements, boolean attributes, arrays and skips empty values', () => {
    const html = String(
      <ul hidden data-x={undefined} data-y={false}>
        {[1, 2].map((n) => <li>{n}</li>)}
        {null}
        <img src="a.jpg" alt="" />
      </ul>,
    );
    assert.equal(html, '<ul hidden><li>1</li><li>2</li><img src="a.jpg" alt=""></ul>');
  });
});
