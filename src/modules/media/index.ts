export * from './media.service.js';
export { generateImage, ARTWORK_COUNT, IMAGE_WIDTHS, type GeneratedImage } from './generated-image.js';
