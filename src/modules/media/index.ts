export * from './media.service.js';
export * from './media.types.js';
export { MediaError, type MediaErrorCode } from './media.errors.js';
export { storeUpload, cleanOriginalName, type UploadInput } from './media-upload.js';
export { checkUpload, MAX_INPUT_PIXELS, type CheckedUpload } from './upload-check.js';
export { VARIANT_WIDTHS, variantWidths } from './image-variants.js';
export { generateImage, ARTWORK_COUNT, type GeneratedImage } from './generated-image.js';
