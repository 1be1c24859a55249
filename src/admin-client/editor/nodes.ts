// TipTap nodes beyond the starter kit: embedded video and numbered references (footnote style).
// Everything they render stays inside the server's body-HTML allowlist (src/modules/content/body-html.ts).
import { Extension, Node } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';

/** http(s) or a path on this site; nothing else may become a media address. */
export function isSafeMediaUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url) || /^\/(?!\/)[^\s]*$/.test(url);
}

/** `<video src controls preload="metadata">`: a block atom, no inner markup. */
export const Video = Node.create({
  name: 'video',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      src: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute('src') ?? el.querySelector('source[src]')?.getAttribute('src') ?? null,
      },
    };
  },
  parseHTML() {
    return [{ tag: 'video', getAttrs: (el: HTMLElement) => (isSafeMediaUrl(el.getAttribute('src') ?? el.querySelector('source[src]')?.getAttribute('src') ?? '') ? null : false) }];
  },
  renderHTML({ node }) {
    return ['video', { src: node.attrs.src, controls: '', preload: 'metadata' }];
  },
});

const numberFrom = (id: string | null, prefix: string): string => (id ?? '').slice(prefix.length) || '0';

/** The superscript marker in the text: `<sup id="ref-mark-N"><a href="#ref-N">[N]</a></sup>`. */
export const ReferenceMark = Node.create({
  name: 'referenceMark',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { n: { default: '0', parseHTML: (el: HTMLElement) => numberFrom(el.getAttribute('id'), 'ref-mark-'), renderHTML: () => ({}) } };
  },
  parseHTML() {
    return [{ tag: 'sup[id^="ref-mark-"]', priority: 100 }];
  },
  renderHTML({ node }) {
    const n = String(node.attrs.n);
    return ['sup', { id: `ref-mark-${n}` }, ['a', { href: `#ref-${n}` }, `[${n}]`]];
  },
});

/** One entry of the references list: `<li id="ref-N">text</li>`. */
export const ReferenceItem = Node.create({
  name: 'referenceItem',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return { n: { default: '0', parseHTML: (el: HTMLElement) => numberFrom(el.getAttribute('id'), 'ref-'), renderHTML: () => ({}) } };
  },
  parseHTML() {
    return [{ tag: 'li', context: 'references/', priority: 100 }];
  },
  renderHTML({ node }) {
    return ['li', { id: `ref-${String(node.attrs.n)}` }, 0];
  },
  addKeyboardShortcuts() {
    // One reference is one line; Enter would make an entry no marker points to.
    return { Enter: () => this.editor.isActive('referenceItem') };
  },
});

/** The list of references: `<ol class="references">`, normally the last block of the body. */
export const References = Node.create({
  name: 'references',
  group: 'block',
  content: 'referenceItem+',
  defining: true,
  parseHTML() {
    return [{ tag: 'ol.references', priority: 100 }];
  },
  renderHTML() {
    return ['ol', { class: 'references' }, 0];
  },
});

let pending = 0;
/** A key for a reference that has no number yet; renumbering replaces it. */
export function newReferenceKey(): string {
  pending += 1;
  return `new-${pending}`;
}

/**
 * Makes markers and list agree: markers are numbered 1..n in reading order (a marker copied twice
 * keeps pointing at the same entry), the list holds their entries in that order, entries no marker
 * points to stay at the end unless empty, a marker without an entry gets an empty one, and several
 * lists are merged into the last. Returns undefined when everything already agrees.
 */
export function renumberReferences(state: EditorState): Transaction | undefined {
  const { schema, doc } = state;
  const itemType = schema.nodes.referenceItem!;
  const listType = schema.nodes.references!;
  const marks: { pos: number; node: PMNode }[] = [];
  const lists: { pos: number; node: PMNode }[] = [];
  doc.descendants((node, pos) => {
    if (node.type === listType) {
      lists.push({ pos, node });
      return false;
    }
    if (node.type.name === 'referenceMark') marks.push({ pos, node });
    return true;
  });
  if (marks.length === 0 && lists.length === 0) return undefined;

  const byKey = new Map<string, PMNode>();
  const duplicates: PMNode[] = [];
  for (const list of lists) {
    list.node.forEach((item) => {
      const key = String(item.attrs.n);
      if (byKey.has(key)) duplicates.push(item);
      else byKey.set(key, item);
    });
  }
  const numbers = new Map<string, number>();
  const ordered: PMNode[] = [];
  for (const { node } of marks) {
    const key = String(node.attrs.n);
    if (numbers.has(key)) continue;
    ordered.push(byKey.get(key) ?? itemType.create({ n: key }));
    byKey.delete(key);
    numbers.set(key, ordered.length);
  }
  for (const item of [...byKey.values(), ...duplicates]) if (item.textContent.trim() !== '') ordered.push(item);
  const items = ordered.map((item, i) => (item.attrs.n === String(i + 1) ? item : itemType.create({ ...item.attrs, n: String(i + 1) }, item.content, item.marks)));

  const tr = state.tr;
  for (const { pos, node } of marks) {
    const n = String(numbers.get(String(node.attrs.n)));
    if (node.attrs.n !== n) tr.setNodeMarkup(pos, undefined, { ...node.attrs, n });
  }
  // Marker edits keep sizes, so list positions are still good; work from the end backwards.
  const target = lists[lists.length - 1];
  if (items.length === 0) {
    for (const { pos, node } of [...lists].reverse()) tr.delete(pos, pos + node.nodeSize);
  } else if (!target) {
    tr.insert(tr.doc.content.size, listType.create(null, items));
  } else {
    const list = listType.create(target.node.attrs, items);
    if (!list.eq(target.node)) tr.replaceWith(target.pos, target.pos + target.node.nodeSize, list);
    for (const { pos, node } of lists.slice(0, -1).reverse()) tr.delete(pos, pos + node.nodeSize);
  }
  return tr.docChanged ? tr : undefined;
}

/** Keeps references numbered after every change (same undo step as the change itself). */
export const ReferenceNumbering = Extension.create({
  name: 'referenceNumbering',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('referenceNumbering'),
        appendTransaction: (transactions, _old, state) => (transactions.some((t) => t.docChanged) ? renumberReferences(state) : undefined),
      }),
    ];
  },
});
