export * from './menu.service.js';
