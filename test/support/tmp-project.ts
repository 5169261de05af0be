import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Copy a fixture project into a fresh temporary directory (removed after the file's tests). */
export function tmpCopy(fixture: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'mcp-audit-')));
  cpSync(fixture, dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
