// The rich-text body editor: enhances <textarea data-rich-editor name="bodyHtml" dir lang>.
// Without this script the textarea is the editor; with it the textarea is hidden and kept in sync.
import { Editor, type ChainedCommands } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';
import { readLabels } from '../labels.ts';
import { EDITOR_LABELS, type EditorLabels } from './labels.ts';
import { pickMedia } from './media-dialog.ts';
import { ReferenceItem, ReferenceMark, ReferenceNumbering, References, Video, newReferenceKey, renumberReferences } from './nodes.ts';

/** Links may point to the web, to e-mail, or to a path or anchor on this site. */
export function isAllowedLink(url: string): boolean {
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/(?!\/)[^\s]*|#[^\s]+)$/i.test(url);
}

/** Image without the title attribute (not in the allowlist) and always with an alt. */
const BodyImage = Image.extend({
  addAttributes() {
    return {
      src: { default: null },
      alt: { default: '', parseHTML: (el: HTMLElement) => el.getAttribute('alt') ?? '' },
      width: { default: null },
      height: { default: null },
    };
  },
}).configure({ inline: false, allowBase64: false });

/** Toolbar icons: constant SVG markup (24×24, drawn with currentColor), never user data. */
const ICONS = {
  bulletList: '<circle cx="5" cy="6" r="1.5" fill="currentColor"/><circle cx="5" cy="12" r="1.5" fill="currentColor"/><circle cx="5" cy="18" r="1.5" fill="currentColor"/><path d="M10 6h10M10 12h10M10 18h10"/>',
  orderedList: '<path d="M4 4h1.5v5M4 9h3M4 14h3l-3 5h3M10 6h10M10 12h10M10 18h10"/>',
  blockquote: '<path fill="currentColor" stroke="none" d="M4 18c2.5-1 3.5-3 3.5-6H4V6h6v5.5c0 4-2 6.5-6 7.5zm9.5 0c2.5-1 3.5-3 3.5-6h-3.5V6h6v5.5c0 4-2 6.5-6 7.5z"/>',
  link: '<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>',
  unlink: '<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1M4 4l16 16"/>',
  image: '<rect x="3" y="4" width="18" height="16" rx="2"/><circle cx="9" cy="10" r="2"/><path d="M21 16l-5-5-10 9"/>',
  video: '<rect x="3" y="5" width="18" height="14" rx="2"/><path fill="currentColor" d="M10 9v6l5-3z"/>',
  undo: '<path d="M9 14L4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11"/>',
  redo: '<path d="M15 14l5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13"/>',
};

function icon(markup: string): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false' })) svg.setAttribute(k, v);
  svg.innerHTML = markup;
  return svg;
}

interface Button {
  key: keyof EditorLabels;
  text?: string;
  icon?: keyof typeof ICONS;
  run: (chain: ChainedCommands, ctx: Enhanced) => ChainedCommands | void;
  active?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
  mirror?: boolean;
}

interface Enhanced {
  editor: Editor;
  textarea: HTMLTextAreaElement;
  labels: EditorLabels;
  wrapper: HTMLElement;
}

const GROUPS: Button[][] = [
  [
    { key: 'paragraph', text: '¶', run: (c) => c.setParagraph(), active: (e) => e.isActive('paragraph') },
    { key: 'heading2', text: 'H2', run: (c) => c.setHeading({ level: 2 }), active: (e) => e.isActive('heading', { level: 2 }) },
    { key: 'heading3', text: 'H3', run: (c) => c.setHeading({ level: 3 }), active: (e) => e.isActive('heading', { level: 3 }) },
    { key: 'heading4', text: 'H4', run: (c) => c.setHeading({ level: 4 }), active: (e) => e.isActive('heading', { level: 4 }) },
  ],
  [
    { key: 'bold', text: 'B', run: (c) => c.toggleBold(), active: (e) => e.isActive('bold') },
    { key: 'italic', text: 'I', run: (c) => c.toggleItalic(), active: (e) => e.isActive('italic') },
    { key: 'underline', text: 'U', run: (c) => c.toggleUnderline(), active: (e) => e.isActive('underline') },
  ],
  [
    { key: 'bulletList', icon: 'bulletList', mirror: true, run: (c) => c.toggleBulletList(), active: (e) => e.isActive('bulletList') },
    { key: 'orderedList', icon: 'orderedList', run: (c) => c.toggleOrderedList(), active: (e) => e.isActive('orderedList') },
    { key: 'blockquote', icon: 'blockquote', run: (c) => c.toggleBlockquote(), active: (e) => e.isActive('blockquote') },
  ],
  [
    { key: 'link', icon: 'link', run: (_c, ctx) => promptLink(ctx), active: (e) => e.isActive('link') },
    { key: 'unlink', icon: 'unlink', run: (c) => c.extendMarkRange('link').unsetLink(), enabled: (e) => e.isActive('link') },
    { key: 'image', icon: 'image', run: (_c, ctx) => void insertMedia(ctx, 'image') },
    { key: 'video', icon: 'video', run: (_c, ctx) => void insertMedia(ctx, 'video') },
    { key: 'reference', text: '[n]', run: (_c, ctx) => addReference(ctx) },
  ],
  [
    { key: 'undo', icon: 'undo', run: (c) => c.undo(), enabled: (e) => e.can().undo(), mirror: true },
    { key: 'redo', icon: 'redo', run: (c) => c.redo(), enabled: (e) => e.can().redo(), mirror: true },
  ],
];

function promptLink({ editor, labels }: Enhanced): void {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const answer = window.prompt(labels.linkPrompt, current);
  if (answer === null) return void editor.commands.focus();
  const url = answer.trim();
  if (url === '') return void editor.chain().focus().extendMarkRange('link').unsetLink().run();
  if (!isAllowedLink(url)) {
    window.alert(labels.linkInvalid);
    return void editor.commands.focus();
  }
  if (editor.state.selection.empty && !editor.isActive('link')) {
    editor.chain().focus().insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }).run();
  } else {
    editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
  }
}

async function insertMedia({ editor, labels, textarea, wrapper }: Enhanced, kind: 'image' | 'video'): Promise<void> {
  const api = textarea.getAttribute('data-media-api') ?? '/admin/api/media';
  const item = await pickMedia(kind, api, labels, wrapper.dir, wrapper.lang);
  const chain = editor.chain().focus();
  if (!item) return void chain.run();
  if (kind === 'image') {
    chain.setImage({ src: item.url, alt: item.alt ?? '', width: item.width ?? undefined, height: item.height ?? undefined }).run();
  } else {
    chain.insertContent({ type: 'video', attrs: { src: item.url } }).run();
  }
}

function addReference({ editor, labels }: Enhanced): void {
  const answer = window.prompt(labels.referencePrompt, '');
  const text = answer?.trim();
  if (!text) return void editor.commands.focus();
  const { state } = editor;
  const { schema } = state;
  const key = newReferenceKey();
  const tr = state.tr.replaceSelectionWith(schema.nodes.referenceMark!.create({ n: key }), false);
  const item = schema.nodes.referenceItem!.create({ n: key }, schema.text(text));
  let listEnd = -1;
  tr.doc.descendants((node, pos) => {
    if (node.type.name === 'references') listEnd = pos + node.nodeSize - 1;
    return node.isBlock && node.type.name !== 'references';
  });
  if (listEnd >= 0) {
    tr.insert(listEnd, item);
  } else {
    // A new list goes at the end, before the empty paragraphs the editor keeps there for typing.
    let at = tr.doc.content.size;
    for (let i = tr.doc.childCount - 1; i >= 0; i--) {
      const child = tr.doc.child(i);
      if (child.type.name !== 'paragraph' || child.content.size > 0 || tr.selection.from >= at - child.nodeSize) break;
      at -= child.nodeSize;
    }
    tr.insert(at, schema.nodes.references!.create(null, item));
  }
  editor.view.dispatch(tr.scrollIntoView());
  editor.commands.focus();
}

/** The body HTML to store: no empty paragraph left at the end by the editor. */
function bodyHtml(editor: Editor): string {
  if (editor.isEmpty) return '';
  return editor.getHTML().replace(/(<p><\/p>)+$/, '');
}

let editorCount = 0;

export function enhance(textarea: HTMLTextAreaElement): Editor {
  editorCount += 1;
  const labels = readLabels(textarea, EDITOR_LABELS);
  const dir = textarea.closest('[dir]')?.getAttribute('dir') === 'rtl' ? 'rtl' : 'ltr';
  const lang = textarea.closest('[lang]')?.getAttribute('lang') ?? '';
  const id = textarea.id || `rich-editor-${editorCount}`;
  textarea.id = id;

  const wrapper = document.createElement('div');
  wrapper.className = 'rich-editor';
  wrapper.dir = dir;
  if (lang) wrapper.lang = lang;
  const toolbar = document.createElement('div');
  toolbar.className = 'rich-editor__toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', labels.toolbar);
  toolbar.setAttribute('aria-controls', `${id}-content`);
  const mount = document.createElement('div');
  mount.className = 'rich-editor__content';
  wrapper.append(toolbar, mount);
  textarea.before(wrapper);
  wrapper.append(textarea);

  // The visible field takes the textarea's accessible name; a click on the label focuses it.
  const label = document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(id)}"]`);
  if (label && !label.id) label.id = `${id}-label`;
  const describedBy = textarea.getAttribute('aria-describedby');
  const contentAttrs: Record<string, string> = { id: `${id}-content`, class: 'rich-editor__prose', role: 'textbox', 'aria-multiline': 'true', dir, spellcheck: 'true' };
  if (lang) contentAttrs.lang = lang;
  if (label) contentAttrs['aria-labelledby'] = label.id;
  if (describedBy) contentAttrs['aria-describedby'] = describedBy;

  const editor = new Editor({
    element: mount,
    content: textarea.value,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4, 5, 6] },
        codeBlock: false,
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: 'https',
          protocols: ['mailto'],
          HTMLAttributes: { target: null, rel: null, class: null },
          isAllowedUri: (url) => isAllowedLink(url),
        },
      }),
      BodyImage,
      Video,
      ReferenceMark,
      ReferenceItem,
      References,
      ReferenceNumbering,
    ],
    editorProps: { attributes: contentAttrs },
    injectCSS: false, // an inline <style> is forbidden by the CSP; editor.css carries these rules
  });
  const initial = renumberReferences(editor.state);
  if (initial) editor.view.dispatch(initial.setMeta('addToHistory', false));

  // The textarea is hidden, not removed: it is what the form submits. `required` would block
  // submitting a hidden field, so the server checks emptiness instead.
  textarea.hidden = true;
  textarea.removeAttribute('required');
  textarea.classList.add('rich-editor__source');
  const sync = (): void => {
    if (!sourceMode) textarea.value = bodyHtml(editor);
  };
  let sourceMode = false;
  editor.on('update', sync);
  textarea.form?.addEventListener('submit', sync, true);
  label?.addEventListener('click', (event) => {
    if (sourceMode) return;
    event.preventDefault();
    editor.commands.focus();
  });

  const ctx: Enhanced = { editor, textarea, labels, wrapper };
  const buttons: { def: Button; el: HTMLButtonElement }[] = [];
  for (const group of GROUPS) {
    const g = document.createElement('div');
    g.className = 'rich-editor__group';
    g.setAttribute('role', 'group');
    for (const def of group) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = def.mirror ? 'rich-editor__button rich-editor__button--mirror' : 'rich-editor__button';
      if (def.icon) b.append(icon(ICONS[def.icon]));
      else b.textContent = def.text ?? '';
      b.setAttribute('aria-label', labels[def.key]);
      b.title = labels[def.key];
      b.dataset.command = def.key;
      b.tabIndex = -1;
      b.addEventListener('mousedown', (event) => event.preventDefault()); // keep the editor's selection
      b.addEventListener('click', () => {
        if (b.getAttribute('aria-disabled') === 'true') return;
        const chained = def.run(editor.chain().focus(), ctx);
        chained?.run();
      });
      buttons.push({ def, el: b });
      g.append(b);
    }
    toolbar.append(g);
  }
  const htmlButton = document.createElement('button');
  htmlButton.type = 'button';
  htmlButton.className = 'rich-editor__button rich-editor__button--source';
  const htmlText = document.createElement('span');
  htmlText.dir = 'ltr';
  htmlText.textContent = '</>';
  htmlButton.append(htmlText);
  htmlButton.setAttribute('aria-label', labels.html);
  htmlButton.title = labels.html;
  htmlButton.dataset.command = 'html';
  htmlButton.setAttribute('aria-pressed', 'false');
  htmlButton.tabIndex = -1;
  htmlButton.addEventListener('click', () => {
    sourceMode = !sourceMode;
    htmlButton.setAttribute('aria-pressed', String(sourceMode));
    if (sourceMode) {
      textarea.value = bodyHtml(editor);
      textarea.hidden = false;
      mount.hidden = true;
      textarea.focus();
    } else {
      editor.commands.setContent(textarea.value, { emitUpdate: true });
      textarea.hidden = true;
      mount.hidden = false;
      sync();
      editor.commands.focus();
    }
    refresh();
  });
  toolbar.append(htmlButton);
  const all = [...buttons.map((b) => b.el), htmlButton];
  all[0]!.tabIndex = 0;

  function refresh(): void {
    for (const { def, el } of buttons) {
      const enabled = !sourceMode && (def.enabled ? def.enabled(editor) : editor.isEditable);
      el.setAttribute('aria-disabled', String(!enabled));
      if (def.active) el.setAttribute('aria-pressed', String(!sourceMode && def.active(editor)));
    }
  }
  editor.on('transaction', refresh);
  editor.on('selectionUpdate', refresh);
  refresh();

  // One tab stop for the toolbar; arrows move along it (mirrored in right-to-left), Home/End jump.
  toolbar.addEventListener('keydown', (event) => {
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    let next = -1;
    if (event.key === forward) next = (index + 1) % all.length;
    else if (event.key === back) next = (index - 1 + all.length) % all.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = all.length - 1;
    if (next < 0) return;
    event.preventDefault();
    all[index]!.tabIndex = -1;
    all[next]!.tabIndex = 0;
    all[next]!.focus();
  });
  toolbar.addEventListener('focusin', (event) => {
    const target = event.target as HTMLButtonElement;
    if (!all.includes(target)) return;
    for (const b of all) b.tabIndex = b === target ? 0 : -1;
  });

  wrapper.classList.add('is-ready');
  return editor;
}

for (const textarea of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-rich-editor]')) enhance(textarea);
