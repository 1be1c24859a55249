// Reordering for <ol data-sortable>: native drag and drop, and the server's "Move up" / "Move down"
// submit buttons (name="move" value="up:<id>" / "down:<id>") reorder in place instead of posting.
// After each move the hidden inputs name="order" (or data-order-name) are rewritten in DOM order,
// so submitting the surrounding form saves the order.
import { fill } from './labels.ts';

function itemsOf(list: HTMLElement): HTMLLIElement[] {
  return Array.from(list.children).filter((el): el is HTMLLIElement => el instanceof HTMLLIElement);
}

function idOf(li: HTMLLIElement, orderName: string): string {
  return li.dataset.id ?? li.querySelector<HTMLInputElement>(`input[type="hidden"][name="${CSS.escape(orderName)}"]`)?.value ?? '';
}

function labelOf(li: HTMLLIElement): string {
  return li.dataset.label ?? (li.querySelector('[data-item-label]')?.textContent ?? li.textContent ?? '').trim().split('\n')[0]!.trim();
}

export function enhanceSortable(list: HTMLElement): void {
  const orderName = list.dataset.orderName || 'order';
  const movedText = list.dataset.movedLabel || '{name}: position {position} of {total}';
  const ids = new Map<HTMLLIElement, string>(itemsOf(list).map((li) => [li, idOf(li, orderName)]));

  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  // Visually hidden, for screen readers only (CSSOM, allowed by the style-src policy).
  Object.assign(status.style, { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap', margin: '0' });
  list.after(status);

  const rewrite = (): void => {
    const order = itemsOf(list).map((li) => ids.get(li) ?? idOf(li, orderName));
    const inputs = Array.from(list.querySelectorAll<HTMLInputElement>(`input[type="hidden"][name="${CSS.escape(orderName)}"]`)).filter((input) => input.closest('[data-sortable]') === list);
    inputs.forEach((input, i) => {
      if (order[i] !== undefined) input.value = order[i]!;
    });
    list.dispatchEvent(new CustomEvent('sortable:change', { bubbles: true, detail: { order } }));
  };
  const announce = (li: HTMLLIElement): void => {
    const items = itemsOf(list);
    status.textContent = fill(movedText, { name: labelOf(li), position: items.indexOf(li) + 1, total: items.length });
  };

  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[name="move"]');
    if (!button || !list.contains(button)) return;
    const [direction] = button.value.split(':');
    const li = button.closest('li');
    if (!li || li.parentElement !== list || (direction !== 'up' && direction !== 'down')) return;
    event.preventDefault();
    const items = itemsOf(list);
    const index = items.indexOf(li as HTMLLIElement);
    const other = items[direction === 'up' ? index - 1 : index + 1];
    if (!other) return;
    if (direction === 'up') other.before(li);
    else other.after(li);
    button.focus(); // moving the node loses focus
    rewrite();
    announce(li as HTMLLIElement);
  });

  let dragged: HTMLLIElement | undefined;
  for (const li of itemsOf(list)) li.draggable = true;
  list.addEventListener('dragstart', (event) => {
    const li = (event.target as Element).closest?.('li');
    if (!li || li.parentElement !== list) return;
    dragged = li as HTMLLIElement;
    event.dataTransfer?.setData('text/plain', ids.get(dragged) ?? '');
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    dragged.style.opacity = '0.5';
  });
  list.addEventListener('dragover', (event) => {
    if (!dragged) return;
    const over = (event.target as Element).closest?.('li');
    event.preventDefault();
    if (!over || over === dragged || over.parentElement !== list) return;
    const box = over.getBoundingClientRect();
    if (event.clientY < box.top + box.height / 2) over.before(dragged);
    else over.after(dragged);
  });
  list.addEventListener('drop', (event) => {
    if (dragged) event.preventDefault();
  });
  list.addEventListener('dragend', () => {
    if (!dragged) return;
    dragged.style.opacity = '';
    rewrite();
    announce(dragged);
    dragged = undefined;
  });
}

export function initSortable(root: ParentNode = document): void {
  for (const list of root.querySelectorAll<HTMLElement>('[data-sortable]')) enhanceSortable(list);
}
