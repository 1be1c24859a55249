export type { ImportOptions, ImportProgress, ImportReport, ImportWarning, KindCounts } from './import.types.js';
export { ImportError } from './import.errors.js';
export { importWordpress } from './wordpress-import.js';
export { formatReport } from './import-report.js';
export { convertWordpressBody, type BodyContext, type BodyMedia } from './wordpress-body.js';
export { MAPPABLE_TYPES } from './type-mapping.js';
