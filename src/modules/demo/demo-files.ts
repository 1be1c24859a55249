import { execFile } from 'node:child_process';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The demo's PDFs and videos, made once under `mediaDir/generated/` and kept: re-seeding (and every
 * test database after the first) only writes rows. Each file is written under a temporary name and
 * renamed, so a crash or a second process making the same file never leaves half of one.
 */

export interface DemoFile {
  /** relative to the media directory */
  path: string;
  sizeBytes: number;
}

async function sizeOf(file: string): Promise<number | null> {
  return stat(file).then((s) => (s.isFile() && s.size > 0 ? s.size : null), () => null);
}

export interface PdfSpec {
  /** printed on the cover; the standard fonts print Latin text only */
  title: string;
  subtitle: string;
  /** a list on the second page ("Inside this issue"), may be empty */
  contents: string[];
  contentsLabel: string;
  paragraphs: string[];
  /** cover colours, #rrggbb */
  colors: [string, string];
}

/** Text the standard PDF fonts can draw (WinAnsi): typographic punctuation made plain, anything else dropped. */
export function pdfSafe(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[^\x20-\x7E\xA0-\xFF]/g, '');
}

function rgbOf(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

/** A small real PDF: a cover page, then the contents and a few pages of text. */
export async function demoPdf(mediaDir: string, name: string, spec: PdfSpec): Promise<DemoFile> {
  const path = `generated/${name}`;
  const file = join(mediaDir, path);
  const existing = await sizeOf(file);
  if (existing !== null) return { path, sizeBytes: existing };
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(pdfSafe(`${spec.title} - ${spec.subtitle}`));
  doc.setAuthor('Nashr Review');
  doc.setSubject('Sample document of the nashr demo site');
  doc.setProducer('nashr');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const W = 420;
  const H = 595; // A5
  const margin = 42;

  const wrap = (text: string, font: typeof regular, size: number, width: number): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const word of pdfSafe(text).split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines;
  };

  // Cover
  const cover = doc.addPage([W, H]);
  const [a, b] = spec.colors.map(rgbOf) as [[number, number, number], [number, number, number]];
  cover.drawRectangle({ x: 0, y: 0, width: W, height: H, color: rgb(...a) });
  cover.drawCircle({ x: W * 0.7, y: H * 0.35, size: 120, color: rgb(...b), opacity: 0.7 });
  cover.drawRectangle({ x: 0, y: H - 150, width: W, height: 150, color: rgb(1, 1, 1), opacity: 0.12 });
  cover.drawText('NASHR REVIEW', { x: margin, y: H - 60, size: 12, font: bold, color: rgb(1, 1, 1) });
  let y = H - 95;
  for (const line of wrap(spec.title, bold, 24, W - 2 * margin)) {
    cover.drawText(line, { x: margin, y, size: 24, font: bold, color: rgb(1, 1, 1) });
    y -= 28;
  }
  cover.drawText(pdfSafe(spec.subtitle), { x: margin, y: y - 6, size: 12, font: regular, color: rgb(1, 1, 1) });
  cover.drawText('Sample document - demo content', { x: margin, y: 36, size: 9, font: regular, color: rgb(1, 1, 1) });

  // Text pages
  let page = doc.addPage([W, H]);
  y = H - margin;
  let pageNo = 2;
  const footer = () => page.drawText(String(pageNo), { x: W / 2 - 4, y: 24, size: 9, font: regular, color: rgb(0.4, 0.4, 0.4) });
  const ensure = (height: number) => {
    if (y - height < margin + 20) {
      footer();
      page = doc.addPage([W, H]);
      pageNo++;
      y = H - margin;
    }
  };
  const write = (text: string, font: typeof regular, size: number, gap: number, indent = 0) => {
    for (const line of wrap(text, font, size, W - 2 * margin - indent)) {
      ensure(size + 4);
      page.drawText(line, { x: margin + indent, y: y - size, size, font, color: rgb(0.1, 0.1, 0.12) });
      y -= size + 4;
    }
    y -= gap;
  };
  if (spec.contents.length) {
    write(spec.contentsLabel, bold, 15, 8);
    spec.contents.forEach((c, i) => write(`${i + 1}.  ${c}`, regular, 11, 4, 6));
    y -= 12;
  }
  for (const p of spec.paragraphs) write(p, regular, 11, 9);
  footer();

  const bytes = await doc.save();
  await mkdir(join(mediaDir, 'generated'), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
  return { path, sizeBytes: bytes.length };
}

const run = promisify(execFile);

/** The two demo clips: a test pattern and slowly moving colour gradients, 4 seconds at 640×360, H.264 with faststart. */
const CLIPS: Record<1 | 2, string> = {
  1: 'testsrc2=size=640x360:rate=25:duration=4',
  2: 'gradients=size=640x360:rate=25:duration=4:speed=0.02:c0=0x0f4c5c:c1=0xe36414:c2=0xfb8b24:c3=0x264653:nb_colors=4',
};

export const DEMO_VIDEO = { width: 640, height: 360, mime: 'video/mp4' } as const;

/** Demo clip `n`, made with ffmpeg on first use; null when there is no ffmpeg (the demo links out instead). */
export async function demoVideo(mediaDir: string, n: 1 | 2, ffmpeg = 'ffmpeg'): Promise<DemoFile | null> {
  const path = `generated/demo-video-${n}.mp4`;
  const file = join(mediaDir, path);
  const existing = await sizeOf(file);
  if (existing !== null) return { path, sizeBytes: existing };
  await mkdir(join(mediaDir, 'generated'), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp.mp4`;
  try {
    await run(
      ffmpeg,
      ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-f', 'lavfi', '-i', CLIPS[n], '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', tmp],
      { timeout: 60_000 },
    );
    await rename(tmp, file);
  } catch {
    await rm(tmp, { force: true });
    return null;
  }
  const size = await sizeOf(file);
  return size === null ? null : { path, sizeBytes: size };
}
