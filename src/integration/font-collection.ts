// One face of a font collection (.ttc) as a font file of its own. The preview cards ask for 'Noto Sans CJK SC', but
// given a whole collection resvg falls back to its first face (Japanese glyph forms) and reads all ~20 MB at every
// glyph lookup; the SC face alone draws what the cards ask for and can be subset like any font (og-fonts.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeCacheFile } from './cache-file.ts';

interface TableRecord { tag: string; checksum: number; offset: number; length: number }

/** The table directory of the font starting at `offset` (0 for a plain font, a face's offset in a collection). */
function tableRecords(font: Buffer, offset: number): TableRecord[] {
  const count = font.readUInt16BE(offset + 4);
  return Array.from({ length: count }, (_, i) => {
    const at = offset + 12 + 16 * i;
    return { tag: font.toString('latin1', at, at + 4), checksum: font.readUInt32BE(at + 4), offset: font.readUInt32BE(at + 8), length: font.readUInt32BE(at + 12) };
  });
}

/** A face's family name: name ID 1 for Windows (platform 3, encoding 1, UTF-16BE), or '' without one. */
function familyName(font: Buffer, offset: number): string {
  const name = tableRecords(font, offset).find((t) => t.tag === 'name');
  if (!name) return '';
  const count = font.readUInt16BE(name.offset + 2);
  const strings = name.offset + font.readUInt16BE(name.offset + 4);
  for (let i = 0; i < count; i++) {
    const [platform, encoding, , id, length, at] = [0, 2, 4, 6, 8, 10].map((o) => font.readUInt16BE(name.offset + 6 + 12 * i + o));
    if (platform === 3 && encoding === 1 && id === 1) return Buffer.from(font.subarray(strings + at, strings + at + length)).swap16().toString('utf16le');
  }
  return '';
}

/** Offset of each face of a collection (a plain font is one face at 0). */
function faceOffsets(font: Buffer): number[] {
  if (font.toString('latin1', 0, 4) !== 'ttcf') return [0];
  return Array.from({ length: font.readUInt32BE(8) }, (_, i) => font.readUInt32BE(12 + 4 * i));
}

/** The face at `offset` as a standalone font: its header and tables copied, each table 4-byte aligned. */
function standaloneFace(font: Buffer, offset: number): Buffer {
  const tables = tableRecords(font, offset);
  const header = Buffer.alloc(12 + 16 * tables.length);
  font.copy(header, 0, offset, offset + 12);
  const parts = [header];
  let at = header.length;
  tables.forEach((t, i) => {
    const data = Buffer.alloc(Math.ceil(t.length / 4) * 4);
    font.copy(data, 0, t.offset, t.offset + t.length);
    header.write(t.tag, 12 + 16 * i, 'latin1');
    header.writeUInt32BE(t.checksum, 16 + 16 * i);
    header.writeUInt32BE(at, 20 + 16 * i);
    header.writeUInt32BE(t.length, 24 + 16 * i);
    parts.push(data);
    at += data.length;
  });
  return Buffer.concat(parts);
}

/**
 * The face of `file` (a collection) whose family is `family`, written once into `dir`; `file` itself when it is not a
 * collection or has no such face. Named after the collection's size too, so a font update makes a new file.
 */
export function collectionFace(file: string, family: string, dir: string): string {
  if (!file.endsWith('.ttc')) return file;
  const out = join(dir, `${basename(file, '.ttc')}-${family.replace(/\W+/g, '')}-${statSync(file).size}.otf`);
  if (existsSync(out)) return out;
  const font = readFileSync(file);
  const offset = faceOffsets(font).find((o) => familyName(font, o) === family);
  if (offset === undefined) return file;
  writeCacheFile(out, standaloneFace(font, offset));
  return out;
}
