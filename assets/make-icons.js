#!/usr/bin/env node
/**
 * Writes the add-in icons assets/icon-{16,32,64,80}.png: a white sheet with light grid lines and a
 * green check mark, on a transparent background. Plain Node (zlib + a CRC-32), no image library.
 * The PNGs are committed; run `node assets/make-icons.js` only to change the design.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80];
const SUPERSAMPLE = 4; // 4×4 samples per pixel for anti-aliased edges

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** Encodes RGBA pixels (Uint8Array, width*height*4) as a PNG (8-bit RGBA, no interlace). */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from point p to segment a–b (all in unit coordinates). */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const SHEET_FILL = [255, 255, 255];
const SHEET_EDGE = [112, 112, 112];
const GRID = [200, 210, 200];
const CHECK = [16, 124, 65]; // Excel green

/** Colour (RGBA, alpha 0..1) of the design at unit coordinates (u, v) in [0,1)². */
function sample(u, v, size) {
  // The check mark is drawn over everything.
  const stroke = size <= 16 ? 0.085 : 0.065;
  const d = Math.min(segmentDistance(u, v, 0.36, 0.6, 0.5, 0.76), segmentDistance(u, v, 0.5, 0.76, 0.86, 0.3));
  if (d <= stroke) return [...CHECK, 1];
  // The sheet: a rectangle with a border; a folded corner is left out for simplicity at small sizes.
  const left = 0.12;
  const right = 0.82;
  const top = 0.06;
  const bottom = 0.94;
  if (u < left || u > right || v < top || v > bottom) return [0, 0, 0, 0];
  const edge = Math.max(1.2 / size, 0.035);
  if (u < left + edge || u > right - edge || v < top + edge || v > bottom - edge) return [...SHEET_EDGE, 1];
  if (size >= 32) {
    // Spreadsheet grid: three rows and one column divider.
    const line = 0.9 / size;
    for (const gy of [0.3, 0.5, 0.7]) if (Math.abs(v - gy) < line) return [...GRID, 1];
    if (Math.abs(u - 0.38) < line) return [...GRID, 1];
  }
  return [...SHEET_FILL, 1];
}

function render(size) {
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = sample((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size, size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return rgba;
}

for (const size of SIZES) {
  const file = path.join(__dirname, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, size, render(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
