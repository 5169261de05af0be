// Build step: the Python grammar (tree-sitter-python's WebAssembly build, a devDependency) goes next to the module
// that loads it, so the published package needs neither tree-sitter-python nor its native install script.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const from = createRequire(import.meta.url).resolve('tree-sitter-python/tree-sitter-python.wasm');
const to = fileURLToPath(new URL('../dist/src/python/tree-sitter-python.wasm', import.meta.url));
mkdirSync(fileURLToPath(new URL('../dist/src/python/', import.meta.url)), { recursive: true });
copyFileSync(from, to);
