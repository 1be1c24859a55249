// Upload with a progress bar per file and drag and drop: enhances
// <form data-media-upload action="/admin/media" method="post" enctype="multipart/form-data">.
// Without this script the form posts normally.
import { csrfToken, fill, readLabels } from './labels.ts';

const UPLOAD_LABELS = {
  uploading: 'Uploading {name}…',
  progress: 'Upload of {name}',
  done: '{name} uploaded.',
  open: 'Open {name}',
  failed: '{name} was not uploaded: {message}',
  networkError: 'the connection failed',
  serverError: 'the server answered {status}',
};
type UploadLabels = typeof UPLOAD_LABELS;

/** How many files go up at the same time. */
const PARALLEL = 2;

interface UploadResult {
  item?: { id: string | number; url?: string };
  items?: { id: string | number; url?: string; alt?: string; title?: string }[];
  error?: { code?: string; message?: string };
}

function uploadOne(form: HTMLFormElement, file: File, list: HTMLElement, labels: UploadLabels): Promise<void> {
  const row = document.createElement('li');
  row.className = 'upload';
  const progress = document.createElement('progress');
  progress.max = 100;
  progress.value = 0;
  progress.setAttribute('aria-label', fill(labels.progress, { name: file.name }));
  const status = document.createElement('span');
  status.className = 'upload__status';
  status.textContent = fill(labels.uploading, { name: file.name });
  row.append(progress, ' ', status);
  list.append(row);

  // The form's other fields (alt text, edition…) go along with each file.
  const data = new FormData(form);
  data.delete('file');
  data.append('file', file, file.name);
  const action = form.getAttribute('action') || location.pathname;
  const url = action + (action.includes('?') ? '&' : '?') + 'format=json';

  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'text';
    xhr.setRequestHeader('accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
    });
    const fail = (message: string): void => {
      row.classList.add('upload--failed');
      progress.remove();
      status.textContent = fill(labels.failed, { name: file.name, message });
      resolve();
    };
    xhr.addEventListener('load', () => {
      let body: UploadResult = {};
      try {
        body = JSON.parse(xhr.responseText) as UploadResult;
      } catch {
        /* not JSON: report the status below */
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.item) {
        row.classList.add('upload--done');
        progress.value = 100;
        status.textContent = fill(labels.done, { name: file.name }) + ' ';
        const link = document.createElement('a');
        link.href = `/admin/media/${encodeURIComponent(String(body.item.id))}`;
        link.textContent = fill(labels.open, { name: file.name });
        status.append(link);
        // Whatever shows the new file (a gallery's photo list) listens for this.
        form.dispatchEvent(new CustomEvent('media-upload:done', { bubbles: true, detail: body }));
        resolve();
      } else {
        fail(body.error?.message || fill(labels.serverError, { status: xhr.status }));
      }
    });
    xhr.addEventListener('error', () => fail(labels.networkError));
    xhr.addEventListener('abort', () => fail(labels.networkError));
    xhr.send(data);
  });
}

export function enhanceUploadForm(form: HTMLFormElement): void {
  const labels = readLabels(form, UPLOAD_LABELS);
  const input = form.querySelector<HTMLInputElement>('input[type="file"][name="file"]');
  if (!input) return;
  let list = form.querySelector<HTMLElement>('[data-upload-list]') ?? document.querySelector<HTMLElement>('[data-upload-list]');
  if (!list) {
    list = document.createElement('ul');
    list.setAttribute('data-upload-list', '');
    form.append(list);
  }
  list.setAttribute('aria-live', 'polite');

  const queue: File[] = [];
  let running = 0;
  const pump = (): void => {
    while (running < PARALLEL && queue.length > 0) {
      running += 1;
      void uploadOne(form, queue.shift()!, list!, labels).then(() => {
        running -= 1;
        pump();
      });
    }
  };
  const start = (files: FileList | File[] | null): void => {
    if (!files) return;
    queue.push(...Array.from(files));
    pump();
  };

  input.addEventListener('change', () => {
    start(input.files);
    input.value = '';
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    start(input.files);
    input.value = '';
  });

  const zone = form.querySelector<HTMLElement>('[data-drop-zone]');
  if (!zone) return;
  let depth = 0;
  zone.addEventListener('dragenter', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    depth += 1;
    zone.classList.add('is-dragover');
  });
  zone.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  zone.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove('is-dragover');
  });
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    zone.classList.remove('is-dragover');
    start(event.dataTransfer?.files ?? null);
  });
}

export function initMediaUpload(root: ParentNode = document): void {
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-media-upload]')) enhanceUploadForm(form);
}
