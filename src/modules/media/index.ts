export * from './media.service.js';
export { generateImage, ARTWORK_COUNT, type GeneratedImage } from './generated-image.js';
