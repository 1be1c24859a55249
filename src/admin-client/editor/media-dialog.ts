// A small modal that picks an image or a video from the media library (or, for video, takes an address).
import { fill } from '../labels.ts';
import { isSafeMediaUrl } from './nodes.ts';
import type { EditorLabels } from './labels.ts';

export interface MediaItem {
  id: string | number;
  url: string;
  alt?: string | null;
  width?: number | null;
  height?: number | null;
}

export type MediaKind = 'image' | 'video';

let dialogCount = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function fileName(url: string): string {
  return decodeURIComponent(url.split(/[?#]/)[0]!.split('/').pop() ?? url);
}

/**
 * Opens the picker; resolves with the chosen item, or undefined when cancelled. The dialog lives
 * in <body> (never inside the article form) and is removed when it closes.
 */
export function pickMedia(kind: MediaKind, apiUrl: string, labels: EditorLabels, dir: string, lang: string): Promise<MediaItem | undefined> {
  dialogCount += 1;
  const id = `media-dialog-${dialogCount}`;
  const dialog = el('dialog', { class: 'rich-editor-dialog', 'aria-labelledby': `${id}-title`, dir, lang });
  const form = el('form', { method: 'dialog' });
  const title = el('h2', { id: `${id}-title` }, kind === 'image' ? labels.imageDialogTitle : labels.videoDialogTitle);
  const searchLabel = el('label', { for: `${id}-q` }, labels.mediaSearch);
  const search = el('input', { type: 'search', id: `${id}-q`, name: 'q', autocomplete: 'off' });
  const status = el('p', { class: 'rich-editor-dialog__status', role: 'status' });
  const results = el('ul', { class: 'rich-editor-dialog__results' });
  form.append(title, searchLabel, search, status, results);

  let urlInput: HTMLInputElement | undefined;
  if (kind === 'video') {
    const urlLabel = el('label', { for: `${id}-url` }, labels.videoUrl);
    urlInput = el('input', { type: 'url', id: `${id}-url`, name: 'url', dir: 'ltr', inputmode: 'url' });
    const insert = el('button', { type: 'button', class: 'rich-editor-dialog__insert' }, labels.insert);
    const row = el('p', { class: 'rich-editor-dialog__url' });
    row.append(urlLabel, urlInput, insert);
    form.append(row);
    insert.addEventListener('click', () => {
      const url = urlInput!.value.trim();
      if (!isSafeMediaUrl(url) || !/\.(mp4|webm)([?#].*)?$/i.test(url)) {
        status.textContent = labels.videoUrlInvalid;
        urlInput!.focus();
        return;
      }
      finish({ id: url, url });
    });
  }
  const actions = el('p', { class: 'rich-editor-dialog__actions' });
  actions.append(el('button', { value: 'cancel' }, labels.cancel));
  form.append(actions);
  dialog.append(form);
  document.body.append(dialog);

  let items: MediaItem[] = [];
  let chosen: MediaItem | undefined;
  let resolveResult: (item: MediaItem | undefined) => void = () => {};
  const result = new Promise<MediaItem | undefined>((resolve) => (resolveResult = resolve));
  const finish = (item: MediaItem): void => {
    chosen = item;
    dialog.close();
  };
  dialog.addEventListener('close', () => {
    dialog.remove();
    resolveResult(chosen);
  });

  let request = 0;
  async function load(q: string): Promise<void> {
    const mine = ++request;
    status.textContent = labels.loading;
    try {
      const query = new URLSearchParams({ kind, q });
      const response = await fetch(`${apiUrl}?${query}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      const data = (await response.json()) as { items?: MediaItem[] };
      if (mine !== request) return;
      items = (data.items ?? []).filter((item) => typeof item.url === 'string' && isSafeMediaUrl(item.url));
      render();
    } catch {
      if (mine === request) status.textContent = labels.loadFailed;
    }
  }
  function render(): void {
    results.replaceChildren(
      ...items.map((item, i) => {
        const li = el('li');
        const button = el('button', { type: 'button', 'data-index': String(i) });
        if (kind === 'image') button.append(el('img', { src: item.url, alt: '', loading: 'lazy' }));
        button.append(el('span', {}, item.alt || fileName(item.url)));
        li.append(button);
        return li;
      }),
    );
    status.textContent = items.length ? fill(labels.found, { count: items.length }) : labels.nothingFound;
  }
  results.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button[data-index]');
    const item = button ? items[Number(button.getAttribute('data-index'))] : undefined;
    if (item) finish(item);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void load(search.value.trim()), 250);
  });
  search.addEventListener('keydown', (event) => {
    // Enter searches at once instead of submitting (closing) the dialog.
    if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      void load(search.value.trim());
    }
  });

  dialog.showModal();
  search.focus();
  void load('');
  return result;
}
