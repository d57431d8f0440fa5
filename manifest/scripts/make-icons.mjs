#!/usr/bin/env node
/**
 * Draws the app's two Teams icons as PNG files, deterministically (same bytes on every run), with nothing but
 * node:zlib, so that the committed icons can always be regenerated and reviewed:
 *   manifest/icons/color.png    192x192, full colour: white "equals" bars and a tick on the accent colour
 *   manifest/icons/outline.png   32x32, white on transparent (Teams requires exactly that for the outline icon)
 * Run: node manifest/scripts/make-icons.mjs [output-folder]
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const ACCENT = [0x4f, 0x2d, 0x7f]; // the manifest's accentColor #4F2D7F; white on it has a contrast ratio above 10:1
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** rgba: Uint8Array of size*size*4. Colour type 6 (RGBA), 8 bits, no interlace. */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * Coverage of a pixel by a shape, by 4x4 supersampling: smooth edges without any floating-point drawing library.
 * Shapes are given in unit coordinates (0..1) so that both sizes share one drawing.
 */
function raster(size, inside) {
  const cov = new Float64Array(size * size);
  const n = 4;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let j = 0; j < n; j++)
        for (let i = 0; i < n; i++) if (inside((x + (i + 0.5) / n) / size, (y + (j + 0.5) / n) / size)) hits++;
      cov[y * size + x] = hits / (n * n);
    }
  return cov;
}

const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
/** A thick line segment (the tick's strokes). */
const stroke = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
};
const any = (...shapes) => (x, y) => shapes.some((s) => s(x, y));

// The mark: two "equals" bars (equality) and a tick (actions done) below-right.
const mark = any(
  roundRect(0.2, 0.27, 0.8, 0.39, 0.05),
  roundRect(0.2, 0.47, 0.8, 0.59, 0.05),
  stroke(0.42, 0.76, 0.5, 0.84, 0.08),
  stroke(0.5, 0.84, 0.68, 0.66, 0.08),
);

function colorIcon(size) {
  const cov = raster(size, mark);
  const rgba = new Uint8Array(size * size * 4);
  for (let p = 0; p < size * size; p++) {
    const a = cov[p];
    for (let c = 0; c < 3; c++) rgba[p * 4 + c] = Math.round(ACCENT[c] * (1 - a) + WHITE[c] * a);
    rgba[p * 4 + 3] = 255;
  }
  return png(size, rgba);
}

function outlineIcon(size) {
  // Outline: white mark inside a white rounded frame, everything else fully transparent.
  const frame = (x, y) => roundRect(0.03, 0.03, 0.97, 0.97, 0.16)(x, y) && !roundRect(0.1, 0.1, 0.9, 0.9, 0.1)(x, y);
  const cov = raster(size, any(frame, mark));
  const rgba = new Uint8Array(size * size * 4);
  for (let p = 0; p < size * size; p++) {
    rgba.set(WHITE, p * 4);
    rgba[p * 4 + 3] = Math.round(cov[p] * 255);
  }
  return png(size, rgba);
}

// An optional output folder lets a test regenerate the icons elsewhere and compare them with the committed ones.
const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "icons");
writeFileSync(join(out, "color.png"), colorIcon(192));
writeFileSync(join(out, "outline.png"), outlineIcon(32));
console.log(`wrote ${join(out, "color.png")} and ${join(out, "outline.png")}`);
