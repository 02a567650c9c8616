// A small PNG encoder for RGBA pixels (resvg's output), run in the preview-card drawing processes (og-worker.ts).
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

const isOpaque = (rgba: Uint8Array) => {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
};

/**
 * Rows with a filter byte each (filter 0: none), as PNG's IDAT expects; `channels` 3 drops the alpha bytes (an
 * opaque image: a quarter less to compress, which is most of a card's encoding time).
 */
export function scanlines(rgba: Uint8Array, width: number, height: number, channels: 3 | 4 = 4): Buffer {
  const stride = width * channels;
  const out = Buffer.alloc((stride + 1) * height);
  if (channels === 4) {
    const src = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
    for (let y = 0; y < height; y++) src.copy(out, y * (stride + 1) + 1, y * width * 4, (y + 1) * width * 4);
    return out;
  }
  for (let y = 0, s = 0; y < height; y++) {
    let d = y * (stride + 1) + 1;
    for (let x = 0; x < width; x++, s += 4) { out[d++] = rgba[s]; out[d++] = rgba[s + 1]; out[d++] = rgba[s + 2]; }
  }
  return out;
}

/**
 * 8-bit PNG, RGB when every pixel is opaque (cards are), else RGBA; same pixels give the same bytes (zlib is
 * deterministic at a fixed level). Synchronous: it runs in a drawing process (og-worker.ts), which has nothing else to
 * do meanwhile.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const channels = isOpaque(rgba) ? 3 : 4;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = channels === 3 ? 2 : 6; // colour type: RGB or RGBA
  const idat = deflateSync(scanlines(rgba, width, height, channels), { level: 6 });
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}
