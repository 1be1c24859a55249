// The import page's progress bar: asks the server every second how far the import is, and opens
// the report when it is done. Without scripts the page reloads itself instead (a <noscript> refresh).

interface ImportStatus {
  state: 'running' | 'done' | 'failed' | 'idle';
  done?: number;
  total?: number | null;
  phaseText?: string;
  countText?: string;
  reportUrl?: string | null;
}

/** `<section data-import-progress="/admin/import/status">` with `#import-bar` (a <progress>) and `#import-phase` inside. */
export function initImportProgress(root: Document = document): void {
  const section = root.querySelector<HTMLElement>('[data-import-progress]');
  const url = section?.getAttribute('data-import-progress');
  if (!section || !url || !url.startsWith('/admin/')) return;
  const bar = section.querySelector<HTMLProgressElement>('#import-bar');
  const phase = section.querySelector<HTMLElement>('#import-phase');
  const count = section.querySelector<HTMLElement>('#import-count');
  let failures = 0;

  const poll = async () => {
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
      if (!res.ok) throw new Error(String(res.status));
      const s = (await res.json()) as ImportStatus;
      failures = 0;
      if (s.state !== 'running') {
        window.location.assign(s.reportUrl ?? '/admin/import');
        return;
      }
      if (bar) {
        if (s.total) {
          bar.max = s.total;
          bar.value = Math.min(s.done ?? 0, s.total);
        } else {
          bar.removeAttribute('value');
        }
      }
      // The step's name is a live region: written only when it changes, so a screen reader announces steps, not every second.
      if (phase && s.phaseText && phase.textContent !== s.phaseText) phase.textContent = s.phaseText;
      if (count) count.textContent = s.countText ?? '';
    } catch {
      // A restart or a dropped connection: keep trying, but say so after a few misses.
      if (++failures === 5 && phase) phase.textContent = 'The server does not answer; still trying…';
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 1000);
}
