export * from './user.service.js';
