// Python source → a plain tree of PyNodes, through tree-sitter's Python grammar compiled to WebAssembly (no native
// code, nothing to compile on install; README, architecture: why this parser). The WebAssembly runtime loads
// asynchronously, so the engine awaits `loadPythonParser()` before it lints a Python file; `parsePython` is then
// synchronous, as ESLint's Language.parse must be. It never throws.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Language as TsLanguage, Parser as TsParser, Tree } from 'web-tree-sitter';
import type { PyModule, PyNode } from './tree.js';

interface Loaded {
  parser: TsParser;
  types: string[];
  fields: (string | null)[];
  named: boolean[];
}

let loaded: Loaded | null = null;
let loading: Promise<Loaded | null> | null = null;
let loadError: string | null = null;

/**
 * Where the grammar is: copied next to this module by the build (what an installed package has), or the
 * tree-sitter-python package itself when the sources run (tests).
 */
function grammarPath(): string | null {
  const beside = fileURLToPath(new URL('./tree-sitter-python.wasm', import.meta.url));
  if (existsSync(beside)) return beside;
  try {
    return createRequire(import.meta.url).resolve('tree-sitter-python/tree-sitter-python.wasm');
  } catch {
    return null;
  }
}

/** Loads the runtime and the grammar once; resolves false (and `pythonParserError()` says why) when it cannot. */
export async function loadPythonParser(): Promise<boolean> {
  loading ??= (async () => {
    try {
      const path = grammarPath();
      if (!path) throw new Error('the tree-sitter-python grammar (tree-sitter-python.wasm) is not installed');
      const { Parser, Language } = await import('web-tree-sitter');
      await Parser.init();
      const language: TsLanguage = await Language.load(path);
      const parser = new Parser();
      parser.setLanguage(language);
      const types = language.types.map((t) => t ?? '');
      return { parser, types, fields: language.fields, named: types.map((_, i) => language.nodeTypeIsNamed(i)) };
    } catch (e) {
      loadError = e instanceof Error ? e.message : String(e);
      return null;
    }
  })();
  loaded = await loading;
  return loaded !== null;
}

export function pythonParserError(): string | null {
  return loaded ? null : (loadError ?? 'the Python parser is not loaded (await loadPythonParser() first)');
}

/** tree-sitter's id of an ERROR node. */
const ERROR_ID = 65535;

/** Leaves whose source text the model reads (names, literals, operators as nodes). */
const TEXT_TYPES = new Set([
  'identifier', 'string_start', 'string_content', 'integer', 'float', 'true', 'false', 'none',
  'comment', 'type_conversion', 'keyword_identifier',
]);

export interface PyParseError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/**
 * The tree of `text`, with the syntax errors tree-sitter recovered from (the tree still holds every part it could
 * read), or null when the parser is not loaded.
 */
export function parsePython(text: string): { module: PyModule; errors: PyParseError[] } | null {
  if (!loaded) return null;
  const tree = loaded.parser.parse(text);
  if (!tree) return null;
  try {
    const lineStarts = lineStartsOf(text);
    const module = convert(tree, loaded, text, lineStarts);
    const errors = tree.rootNode.hasError ? syntaxErrors(module, tree, lineStarts) : [];
    return { module, errors };
  } finally {
    tree.delete();
  }
}

/** Offsets at which lines start; Python breaks lines on \n, \r\n and \r. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/**
 * One pass of a tree cursor, keeping named nodes (with the field their parent holds them under) and, on their
 * parent, the anonymous tokens that have a field: operators (`==`, `not in`, `and`). Comments go to a list of
 * their own. Offsets are UTF-16 code units (web-tree-sitter parses JS strings as UTF-16), as ESLint's are.
 */
function convert(tree: Tree, lang: Loaded, text: string, lineStarts: number[]): PyModule {
  const { types, fields, named } = lang;
  const c = tree.walk();
  const module: PyModule = {
    type: 'module', range: [0, text.length], parent: null, children: [], field: null,
    text, lineStarts, comments: [],
  };
  let node: PyNode = module;
  const stack: PyNode[] = [];
  try {
    if (!c.gotoFirstChild()) return module;
    for (;;) {
      const id = c.nodeTypeId;
      const fid = c.currentFieldId;
      if (id === ERROR_ID || named[id]) {
        const type = id === ERROR_ID ? 'ERROR' : types[id];
        const start = c.startIndex;
        const end = c.endIndex;
        const n: PyNode = { type, range: [start, end], parent: node, children: [], field: fid ? fields[fid] : null };
        if (TEXT_TYPES.has(type)) n.text = text.slice(start, end);
        if (type === 'comment') module.comments.push(n);
        else {
          node.children.push(n);
          if (c.gotoFirstChild()) {
            stack.push(node);
            node = n;
            continue;
          }
        }
      } else if (fid) {
        (node.operators ??= []).push(types[id]);
      }
      while (!c.gotoNextSibling()) {
        if (!c.gotoParent() || stack.length === 0) return module;
        node = stack.pop()!;
      }
    }
  } finally {
    c.delete();
  }
}

/** ERROR nodes of the converted tree and the MISSING tokens tree-sitter inserted, as 1-based positions. */
function syntaxErrors(module: PyModule, tree: Tree, lineStarts: number[]): PyParseError[] {
  const out: PyParseError[] = [];
  const at = (offset: number) => {
    const line = lineOf(lineStarts, offset);
    return { line, column: offset - lineStarts[line - 1] + 1 };
  };
  const visit = (n: PyNode) => {
    if (n.type === 'ERROR') {
      out.push({ message: `Parsing error: invalid syntax (${JSON.stringify(module.text.slice(n.range[0], Math.min(n.range[1], n.range[0] + 20)))})`, ...at(n.range[0]) });
      return;
    }
    for (const child of n.children) visit(child);
  };
  visit(module);
  // MISSING tokens are zero-width and mostly anonymous (a `)` or `:` tree-sitter assumed): ask the tree for them.
  const c = tree.walk();
  try {
    for (;;) {
      if (c.nodeIsMissing) out.push({ message: `Parsing error: missing ${JSON.stringify(c.nodeType)}`, ...at(c.startIndex) });
      if (c.gotoFirstChild()) continue;
      let done = false;
      while (!c.gotoNextSibling()) {
        if (!c.gotoParent()) {
          done = true;
          break;
        }
      }
      if (done) break;
    }
  } finally {
    c.delete();
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** 1-based line of an offset. */
export function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
