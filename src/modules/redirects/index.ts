export { RedirectError, type RedirectErrorCode } from './redirects.errors.js';
export { normalizeFrom, parseTarget, locationOf, MAX_FROM_LENGTH } from './redirect-path.js';
export { type Redirect, type RedirectSource, type RedirectStatus } from './redirects.repository.js';
export { RedirectHitCounter } from './hit-counter.js';
export {
  saveRedirect,
  saveRedirects,
  type SaveResult,
  addRedirect,
  updateRedirect,
  deleteRedirect,
  getRedirect,
  findRedirect,
  resolveRedirect,
  listRedirects,
  REDIRECT_STATUSES,
  type RedirectInput,
} from './redirects.service.js';
