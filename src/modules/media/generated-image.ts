import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Widths every featured image is made in; the largest JPEG is the fallback `src`. */
export const IMAGE_WIDTHS = [480, 800, 1200];
const HEIGHT_RATIO = 9 / 16;

const PALETTES: [string, string, string][] = [
  ['#0f4c5c', '#e36414', '#fb8b24'], ['#283d3b', '#197278', '#edddd4'], ['#3d405b', '#e07a5f', '#f2cc8f'],
  ['#1d3557', '#457b9d', '#a8dadc'], ['#2b2d42', '#8d99ae', '#ef233c'], ['#264653', '#2a9d8f', '#e9c46a'],
  ['#3a0ca3', '#4361ee', '#4cc9f0'], ['#582f0e', '#7f4f24', '#b6ad90'], ['#003049', '#d62828', '#fcbf49'],
  ['#344e41', '#588157', '#a3b18a'], ['#22223b', '#4a4e69', '#c9ada7'], ['#540b0e', '#9e2a2b', '#e09f3e'],
];

/** An abstract illustration (gradient, circles, bands) in one of a dozen palettes, as SVG. */
function artwork(index: number): string {
  const [a, b, c] = PALETTES[index % PALETTES.length]!;
  const w = 1200;
  const h = Math.round(w * HEIGHT_RATIO);
  const r = (k: number) => ((index * 7919 + k * 104729) % 997) / 997;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs>
  <rect width="${w}" height="${h}" fill="url(#g)"/>
  <circle cx="${Math.round(w * (0.2 + 0.6 * r(1)))}" cy="${Math.round(h * (0.2 + 0.5 * r(2)))}" r="${Math.round(120 + 160 * r(3))}" fill="${c}" fill-opacity="0.55"/>
  <circle cx="${Math.round(w * r(4))}" cy="${Math.round(h * r(5))}" r="${Math.round(60 + 120 * r(6))}" fill="#ffffff" fill-opacity="0.18"/>
  <path d="M0 ${Math.round(h * (0.6 + 0.3 * r(7)))} L${w} ${Math.round(h * (0.3 + 0.3 * r(8)))} L${w} ${h} L0 ${h} Z" fill="${a}" fill-opacity="0.45"/>
  <g stroke="#ffffff" stroke-opacity="0.25" stroke-width="3">${[0, 1, 2, 3, 4].map((k) => `<line x1="${80 + k * 40}" y1="${h - 80}" x2="${80 + k * 40}" y2="${h - 200 - 60 * r(10 + k)}"/>`).join('')}</g>
</svg>`;
}

export interface GeneratedImage {
  /** relative to the media directory */
  path: string;
  width: number;
  height: number;
  variants: { path: string; width: number; mime: string }[];
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

/**
 * Renders artwork `index` into JPEG and WebP at every width under `mediaDir/generated/`.
 * Files already there are kept, so re-seeding costs nothing. Each file is written to a
 * temporary name and renamed, so a crash never leaves half an image.
 */
export async function generateImage(mediaDir: string, index: number): Promise<GeneratedImage> {
  // Loaded only when images are made: a server that never seeds keeps sharp's memory free.
  const { default: sharp } = await import('sharp');
  const dir = join(mediaDir, 'generated');
  await mkdir(dir, { recursive: true });
  const name = `art-${String(index % PALETTES.length).padStart(2, '0')}`;
  const svg = Buffer.from(artwork(index));
  const variants: GeneratedImage['variants'] = [];
  for (const width of IMAGE_WIDTHS) {
    for (const [ext, mime] of [['jpg', 'image/jpeg'], ['webp', 'image/webp']] as const) {
      const rel = `generated/${name}-${width}.${ext}`;
      const file = join(mediaDir, rel);
      if (!(await exists(file))) {
        const pipeline = sharp(svg).resize(width);
        const tmp = `${file}.${process.pid}.tmp`;
        await (ext === 'jpg' ? pipeline.jpeg({ quality: 78, mozjpeg: true }) : pipeline.webp({ quality: 72 })).toFile(tmp);
        await rename(tmp, file);
      }
      variants.push({ path: rel, width, mime });
    }
  }
  const largest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!;
  return { path: `generated/${name}-${largest}.jpg`, width: largest, height: Math.round(largest * HEIGHT_RATIO), variants };
}

/** How many distinct artworks there are. */
export const ARTWORK_COUNT = PALETTES.length;
