import type { Html } from './jsx-runtime.js';

const rendered = new WeakMap<object, Html>();

/**
 * Renders once per input object: for fragments whose whole input is one immutable object that
 * many pages share (an edition's menu, its Recent Posts). A new object renders anew, and an
 * object no page uses any more is forgotten with it.
 */
export function renderOnce(input: object, render: () => Html): Html {
  let html = rendered.get(input);
  if (!html) {
    html = render();
    rendered.set(input, html);
  }
  return html;
}
