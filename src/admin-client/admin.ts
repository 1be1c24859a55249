// The newsroom's small enhancements, one file for every admin page (the editor is separate: editor.js).
import { initConfirm } from './confirm.ts';
import { initMediaUpload } from './media-upload.ts';
import { initSortable } from './sortable-list.ts';
import { initItemRows } from './item-rows.ts';
import { initImportProgress } from './import-progress.ts';

document.documentElement.classList.add('js');
initConfirm();
initMediaUpload();
initSortable();
initItemRows();
initImportProgress();
