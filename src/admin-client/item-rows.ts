// The editor's repeated rows: a gallery's photos as they are uploaded, "Inside this issue" entries
// (add and remove), and the menu's Media / Publications groups (one open at a time, Escape closes).
// Without this script: uploads reload the page, the issue form offers a few empty rows, and the
// menu groups open and close as plain <details>.
let counter = 0;
/** A row key no other row of the page has (the server only needs it to pair a row's fields). */
const newKey = (): string => `n${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A copy of the template's first element, with `__KEY__` in its attributes replaced by `key`. */
function rowFrom(template: HTMLTemplateElement, key: string): HTMLElement | null {
  const row = template.content.firstElementChild?.cloneNode(true) as HTMLElement | null;
  if (!row) return null;
  for (const el of [row, ...Array.from(row.querySelectorAll('*'))]) {
    for (const attr of Array.from(el.attributes)) if (attr.value.includes('__KEY__')) el.setAttribute(attr.name, attr.value.split('__KEY__').join(key));
  }
  return row;
}

interface Uploaded {
  id: string | number;
  url?: string;
  alt?: string;
  title?: string;
}

function initGalleryUploads(): void {
  const list = document.querySelector<HTMLOListElement>('ol[data-photo-list]');
  const template = document.querySelector<HTMLTemplateElement>('template[data-photo-template]');
  if (!list || !template) return;
  document.addEventListener('media-upload:done', (event) => {
    const form = event.target as Element;
    if (!form.matches?.('form[data-gallery-upload]')) return;
    const detail = (event as CustomEvent<{ items?: Uploaded[]; item?: Uploaded }>).detail;
    for (const item of detail.items ?? (detail.item ? [detail.item] : [])) {
      const key = newKey();
      const row = rowFrom(template, key);
      if (!row) continue;
      row.dataset.label = item.title || `#${item.id}`;
      // The list's drag handlers are delegated: a new row only needs to be draggable.
      row.draggable = true;
      const id = row.querySelector<HTMLInputElement>('input[data-photo-id]');
      if (id) id.value = String(item.id);
      const slot = row.querySelector('[data-photo-img]');
      if (slot && item.url) {
        const img = document.createElement('img');
        img.className = 'photo-thumb';
        img.src = item.url;
        img.alt = item.alt ?? '';
        slot.replaceWith(img);
      }
      list.append(row);
    }
    document.querySelector('[data-photos-empty]')?.remove();
  });
}

function initRepeatRows(): void {
  for (const list of document.querySelectorAll<HTMLElement>('[data-repeat-rows]')) {
    const box = list.parentElement;
    const template = box?.querySelector<HTMLTemplateElement>('template[data-row-template]');
    const add = box?.querySelector<HTMLButtonElement>('button[data-add-row]');
    if (!box || !template || !add) continue;
    const showRemove = (root: ParentNode) => root.querySelectorAll<HTMLButtonElement>('button[data-remove-row]').forEach((b) => (b.hidden = false));
    showRemove(list);
    add.hidden = false;
    add.addEventListener('click', () => {
      const row = rowFrom(template, newKey());
      if (!row) return;
      showRemove(row);
      list.append(row);
      row.querySelector<HTMLElement>('input, select')?.focus();
    });
    list.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-remove-row]');
      const row = button?.closest('li');
      if (!button || !row || row.parentElement !== list) return;
      const next = (row.nextElementSibling ?? row.previousElementSibling)?.querySelector<HTMLElement>('input:not([type="hidden"]), select');
      row.remove();
      (next ?? add).focus();
    });
  }
}

function initNavMenus(): void {
  const menus = Array.from(document.querySelectorAll<HTMLDetailsElement>('details[data-nav-menu]'));
  if (!menus.length) return;
  for (const menu of menus) {
    menu.addEventListener('toggle', () => {
      if (menu.open) for (const other of menus) if (other !== menu) other.open = false;
    });
  }
  document.addEventListener('click', (event) => {
    for (const menu of menus) if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const menu of menus) {
      if (!menu.open) continue;
      menu.open = false;
      menu.querySelector<HTMLElement>('summary')?.focus();
    }
  });
}

export function initItemRows(): void {
  initGalleryUploads();
  initRepeatRows();
  initNavMenus();
}
