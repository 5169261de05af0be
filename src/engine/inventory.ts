import { resolve } from 'node:path';
import { buildInventory, type Inventory } from '../mcp-model/inventory.js';
import { JS_FILES, PYTHON_FILES } from '../plugin/files.js';
import { loadPythonParser } from '../python/parser.js';
import { buildPythonInventory } from '../python/model/inventory.js';
import { discoverFiles } from './discover.js';
import { readText } from './read.js';
import { DEFAULT_MAX_FILE_SIZE } from './scan.js';
import type { Diagnostic } from './types.js';

export interface InventoryOptions {
  paths?: string[];
  root?: string;
  include?: string[];
  exclude?: string[];
  maxFileSize?: number;
}

/** Per MCP server: transports, listen addresses, auth pattern, and its tools with risk and identity checks. */
export async function inventory(options: InventoryOptions = {}): Promise<{ inventory: Inventory; diagnostics: Diagnostic[] }> {
  const root = resolve(options.root ?? process.cwd());
  const diagnostics: Diagnostic[] = [];
  const discovered = await discoverFiles(
    { root, paths: options.paths?.length ? options.paths : [root], languageGlobs: [...JS_FILES, ...PYTHON_FILES], include: options.include, exclude: options.exclude },
    diagnostics,
  );
  const files: Array<{ path: string; text: string }> = [];
  for (const f of discovered) {
    const text = readText(f, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, diagnostics);
    if (text !== null) files.push({ path: f.abs, text });
  }
  const python = files.filter((f) => /\.pyi?$/.test(f.path));
  const js = buildInventory(files.filter((f) => !/\.pyi?$/.test(f.path)), { scanRoot: root });
  if (python.length === 0 || !(await loadPythonParser())) return { inventory: js, diagnostics };
  const servers = [...js.servers, ...buildPythonInventory(python, { scanRoot: root })].sort((a, b) => a.root.localeCompare(b.root));
  return { inventory: { servers }, diagnostics };
}
