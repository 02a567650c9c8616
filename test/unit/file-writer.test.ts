// The build's file writer (src/integration/file-writer.ts): every file arrives with its bytes, the queue of unwritten
// bytes stays bounded, and a write that fails fails the caller instead of being lost.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWriter } from '../../src/integration/file-writer.ts';

const root = process.cwd();
const tmp = () => mkdtempSync(join(tmpdir(), 'kg-writer-'));

describe('FileWriter', () => {
  it('writes every file, in nested folders, with the text it was given', async () => {
    const dir = tmp();
    const writer = new FileWriter(dir, root);
    const files = Array.from({ length: 3000 }, (_, i) => [`entity/n-${i}/index.html`, `<p>note ${i} 北京 ${'x'.repeat(i % 997)}</p>`] as const);
    for (const [path, text] of files) await writer.write(path, text);
    await writer.close();
    for (const [path, text] of files) expect(readFileSync(join(dir, path), 'utf8')).toBe(text);
  });

  it('waits for the thread rather than queueing without bound', async () => {
    const dir = tmp();
    const max = 1 << 20;
    const writer = new FileWriter(dir, root, max);
    const page = 'y'.repeat(64 << 10);
    for (let i = 0; i < 400; i++) await writer.write(`p/${i}.html`, page); // 25 MB
    await writer.close();
    expect(writer.maxPending).toBeGreaterThan(0); // the thread was used
    expect(writer.maxPending).toBeLessThanOrEqual(max + (2 << 20) + page.length);
    expect(readFileSync(join(dir, 'p/399.html'), 'utf8')).toBe(page);
  });

  it('fails the caller when a file cannot be written', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'entity'), 'a file where a folder must go');
    const writer = new FileWriter(dir, root);
    const run = async () => {
      await writer.write('entity/x/index.html', 'page');
      await writer.close();
    };
    await expect(run()).rejects.toThrow(/could not write the site's files: ENOTDIR/);
  });

  it('fails the caller, rather than waiting for ever, when the thread is gone before the files are written', async () => {
    const writer = new FileWriter(tmp(), root);
    await (writer as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    const run = async () => {
      await writer.write('a.html', 'page');
      await writer.close();
    };
    await expect(run()).rejects.toThrow(/the file-writing thread exited/);
  });
});
