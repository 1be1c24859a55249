import type { PageMetaVM } from '../meta-view-models.js';

/** Open Graph, Twitter card and JSON-LD in the page head. JSON-LD is data, not script: the CSP's script-src does not apply to it. */
export function MetaTags(props: { meta: PageMetaVM }) {
  const m = props.meta;
  return (
    <>
      {m.openGraph.map((p) => <meta property={p.property} content={p.content} />)}
      {m.twitter.map((p) => <meta name={p.name} content={p.content} />)}
      {m.jsonLd ? <script type="application/ld+json">{m.jsonLd}</script> : null}
    </>
  );
}
