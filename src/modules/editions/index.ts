export { defaultEditions, parseEditions, type Edition } from './edition.js';
export { EditionFormat } from './edition-format.js';
export { EditionRegistry, encodePath } from './edition-registry.js';
