import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { DiscoveredFile } from './discover.js';
import type { Diagnostic } from './types.js';

/** Read a discovered file as text, or push a diagnostic (too large, binary, unreadable) and return null. */
export function readText(file: DiscoveredFile, maxFileSize: number, diagnostics: Diagnostic[]): string | null {
  let fd: number | undefined;
  try {
    fd = openSync(file.abs, 'r');
    const size = fstatSync(fd).size;
    if (size > maxFileSize) {
      diagnostics.push({ file: file.rel, kind: 'too-large', message: `file is ${size} bytes, over the ${maxFileSize}-byte limit; skipped` });
      return null;
    }
    const buf = Buffer.alloc(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    if (buf.subarray(0, Math.min(off, 8000)).includes(0)) {
      diagnostics.push({ file: file.rel, kind: 'binary', message: 'binary content (NUL bytes); skipped' });
      return null;
    }
    const text = buf.subarray(0, off).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    diagnostics.push({ file: file.rel, kind: 'unreadable', message: `cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
