// The CLI's parser: oxc (native, about twice as fast per file through ESLint as typescript-estree, and a fraction
// of the garbage), producing the same TS-ESTree shapes the rules are written against. Whenever oxc is not
// installed for this platform, or reports any syntax error, the file goes to typescript-estree instead, so
// diagnostics and every borderline syntax behave exactly as in the ESLint plugin (which always uses
// typescript-estree). `MCP_AUDIT_PARSER=typescript` turns oxc off (for comparing the two).
import { createRequire } from 'node:module';
import { analyze, type ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { typescriptParser } from './typescript.js';

type OxcLang = 'js' | 'jsx' | 'ts' | 'tsx' | 'dts';
interface OxcComment {
  type: 'Line' | 'Block';
  value: string;
  start: number;
  end: number;
}
interface OxcResult {
  program: TSESTree.Program;
  comments: OxcComment[];
  errors: Array<{ severity: string }>;
}
type ParseSync = (filename: string, text: string, options: Record<string, unknown>) => OxcResult;

const parseSync: ParseSync | null = loadOxc();

function loadOxc(): ParseSync | null {
  if (process.env.MCP_AUDIT_PARSER === 'typescript') return null;
  try {
    // Node ≥ 20.19 loads the ESM package synchronously; a missing native binding throws here.
    const mod = createRequire(import.meta.url)('oxc-parser') as { parseSync: ParseSync };
    mod.parseSync('probe.ts', 'let a: number = 1;', {});
    return mod.parseSync;
  } catch {
    return null;
  }
}

/** Which parser handles JS/TS files in this process ('oxc' unless unavailable or turned off). */
export const parserName: 'oxc' | 'typescript-estree' = parseSync ? 'oxc' : 'typescript-estree';

/**
 * Languages to try, in order. JS files may hold JSX, and (in the wild, and in typescript-estree's lenient reading)
 * type annotations; a file none of these accepts goes to typescript-estree.
 */
function langsFor(path: string): OxcLang[] {
  if (/\.d\.[mc]?ts$/.test(path)) return ['dts'];
  if (/\.[mc]?ts$/.test(path)) return ['ts'];
  if (/\.tsx$/.test(path)) return ['tsx'];
  return ['jsx', 'ts'];
}

/** What oxc gives for a file it parses without error: the bare tree (no parent, range or loc yet) and the comments. */
interface BareParse {
  program: TSESTree.Program;
  comments: OxcComment[];
}

function parseBare(path: string, text: string): BareParse | null {
  if (!parseSync || !shallowEnough(text)) return null;
  for (const lang of langsFor(path)) {
    try {
      const result = parseSync(path, text, { lang, sourceType: 'module', astType: 'ts', preserveParens: false });
      if (result.errors.length > 0) continue;
      return { program: result.program, comments: result.comments };
    } catch {
      // A JS-side stack overflow on a deep tree (JSON.parse): typescript-estree decides.
      return null;
    }
  }
  return null;
}

function decorated(bare: BareParse, text: string): TSESTree.Program | null {
  try {
    return toEslintTree(bare, text);
  } catch {
    return null; // a JS-side stack overflow in decorate: typescript-estree decides
  }
}

/** A program with ESLint's `range`, `loc` and `parent` on every node and located comments; null if oxc declines. */
export function parseWithOxc(path: string, text: string): TSESTree.Program | null {
  const bare = parseBare(path, text);
  return bare && decorated(bare, text);
}

function toEslintTree(result: BareParse, text: string): TSESTree.Program {
  const ast = result.program;
  // typescript-estree keeps a `#!` line out of the tree (and out of the comments).
  delete (ast as { hashbang?: unknown }).hashbang;
  const pos = positions(text);
  decorate(ast, null);
  (ast as unknown as Located)[POSITIONS] = pos;
  ast.range = [0, text.length];
  ast.loc = { start: pos(0), end: pos(text.length) };
  (ast as { comments?: TSESTree.Comment[] }).comments = result.comments.map(
    (c) => ({ type: c.type, value: c.value, range: [c.start, c.end], loc: { start: pos(c.start), end: pos(c.end) } }) as TSESTree.Comment,
  );
  (ast as { tokens?: TSESTree.Token[] }).tokens = [];
  return ast;
}

/** Nesting beyond these goes to typescript-estree (which reports it as a diagnostic). */
const MAX_BRACKET_DEPTH = 1000;
const MAX_CHAIN = 4000;

/**
 * oxc's native parser overflows its stack, and kills the process (SIGSEGV), on deeply nested input: about 10,000
 * open brackets, or long unbroken chains of prefix and right-associative operators (`!!!…`, `a ? b : a ? …`,
 * `new new …`). One pass bounds both, conservatively: bracket depth, and operators plus word ends counted since
 * the last `;`, `,`, `{` or `}` (flat lists and object literals reset it; real code stays far below either bound).
 */
export function shallowEnough(text: string): boolean {
  let depth = 0;
  let chain = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > MAX_BRACKET_DEPTH) return false;
      if (c === 123) chain = 0;
    } else if (c === 41 || c === 93 || c === 125) {
      if (depth > 0) depth--;
      if (c === 125) chain = 0;
    } else if (c === 59 || c === 44) chain = 0;
    else if (CHAIN_CHARS[c] === 1 || ((c === 32 || c === 10 || c === 9) && i > 0 && WORD_END[text.charCodeAt(i - 1)] === 1)) {
      if (++chain > MAX_CHAIN) return false;
    }
  }
  return true;
}

const CHAIN_CHARS = new Uint8Array(128);
for (const ch of '!?=-+~*&|<>:/%^@.') CHAIN_CHARS[ch.charCodeAt(0)] = 1;
const WORD_END = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$') WORD_END[ch.charCodeAt(0)] = 1;

type Pos = (offset: number) => TSESTree.Position;

/** Offset → 1-based line and 0-based column, by binary search over line starts (line breaks as ESLint counts them). */
function positions(text: string): Pos {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 0x2028 || c === 0x2029) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  let last = 0;
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    // Nodes come in source order: the previous answer's line is usually right.
    if (starts[last] <= offset && (last + 1 === starts.length || starts[last + 1] > offset)) lo = hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    last = lo;
    return { line: lo + 1, column: offset - starts[lo] };
  };
}

const NOT_CHILDREN = new Set(['parent', 'loc', 'range']);
/** Fields oxc sets to null where typescript-estree sets undefined (rules may test them with `=== undefined`). */
const ABSENT_WHEN_NULL = new Set([
  'typeAnnotation',
  'typeArguments',
  'typeParameters',
  'returnType',
  'directive',
  'accessibility',
  'superTypeArguments',
  'constraint',
  'default',
]);
const undefinedWhenNull = (type: string, key: string): boolean =>
  type === 'TSImportType'
    ? false
    : ABSENT_WHEN_NULL.has(key) ||
      (key === 'body' && type === 'TSDeclareFunction') ||
      (key === 'value' && type === 'RestElement') ||
      (key === 'readonly' && type === 'TSMappedType');

/** The file's offset-to-position function, kept on its Program for the lazy `loc` of every node. */
const POSITIONS = Symbol('positions');
type Located = { start: number; end: number; parent: Located | null; [POSITIONS]?: Pos };

/** Sets a computed `range` or `loc` as the node's own (enumerable, as typescript-estree's are). */
const keep = <T>(node: object, key: 'range' | 'loc', value: T): T => {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
};

/**
 * The prototype of every node oxc gives: ESLint's `range` and `loc` from oxc's `start` and `end`, computed on first
 * read and then kept on the node. A tree's nodes are allocated where V8 puts large JSON results (old space), and an
 * array and two or three objects more per node, most never read (only reported nodes and what rules compare), were
 * a third of the CLI's parse and much of its garbage.
 */
const NODE_PROTOTYPE = Object.create(Object.prototype, {
  range: {
    get(this: Located) {
      return keep(this, 'range', [this.start, this.end]);
    },
    set(this: Located, value: unknown) {
      keep(this, 'range', value);
    },
    configurable: true,
  },
  loc: {
    get(this: Located) {
      let root = this;
      while (root.parent) root = root.parent;
      const pos = root[POSITIONS]!;
      return keep(this, 'loc', { start: pos(this.start), end: pos(this.end) });
    },
    set(this: Located, value: unknown) {
      keep(this, 'loc', value);
    },
    configurable: true,
  },
});

function decorate(node: TSESTree.Node, parent: TSESTree.Node | null): void {
  (node as unknown as { parent: TSESTree.Node | null }).parent = parent;
  Object.setPrototypeOf(node, NODE_PROTOTYPE);
  const fields = node as unknown as Record<string, unknown>;
  for (const key in node) {
    if (NOT_CHILDREN.has(key)) continue;
    const value = fields[key];
    if (value === null) {
      if (undefinedWhenNull(node.type, key)) fields[key] = undefined;
      continue;
    }
    if (typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const child of value) if (child !== null && typeof child === 'object' && typeof child.type === 'string') decorate(child, node);
    } else if (typeof (value as { type?: unknown }).type === 'string') {
      decorate(value as TSESTree.Node, node);
    }
  }
}

/** A file parsed ahead of ESLint (for the prefilter's tree gates), handed once to ESLint's parse of the same text. */
let ahead: { path: string; text: string; bare: BareParse } | null = null;

/**
 * Parses `text` with oxc for a look before linting: the bare tree, without parent, range or loc (a file that is not
 * linted after all is spared decorating it). The next `fastParser` parse of the same path and text decorates this
 * very tree instead of parsing again. Null when oxc declines (ESLint's parse then falls back as usual).
 */
export function parseAhead(path: string, text: string): TSESTree.Program | null {
  const bare = parseBare(path, text);
  ahead = bare ? { path, text, bare } : null;
  return bare?.program ?? null;
}

/**
 * A scope analysis not run yet: what `fastParser` returns when asked (`parserOptions.deferScope`) by a SourceCode
 * that runs it when a rule first asks for a scope (src/engine/eslint-config.ts). Most files never need one.
 */
export class DeferredScope {
  constructor(readonly analyse: () => ScopeManager) {}
}

/** ESLint parser object: oxc with typescript-estree's scope analysis, or typescript-estree itself. */
export const fastParser: { meta: { name: string; version: string }; parseForESLint(text: string, options?: Record<string, unknown>): unknown } = {
  meta: { name: 'mcp-audit/oxc-with-typescript-estree-fallback', version: '1' },
  parseForESLint(text: string, options?: Record<string, unknown>) {
    const path = String(options?.filePath ?? 'file.ts');
    const ast = ahead && ahead.path === path && ahead.text === text ? decorated(ahead.bare, text) : parseWithOxc(path, text);
    ahead = null;
    if (!ast) return typescriptParser.parseForESLint(text, options as never);
    const sourceType = options?.sourceType === 'script' ? 'script' : 'module';
    (ast as { sourceType: string }).sourceType = sourceType;
    // No TypeScript lib (`esnext`'s hundreds of implicit globals per file, a quarter of the analysis): ESLint then
    // declares the ECMAScript globals itself, so a rule that walks up to the global scope finds the same names.
    const scope = () => analyze(ast, { sourceType, lib: [] });
    return { ast, scopeManager: options?.deferScope === true ? new DeferredScope(scope) : scope(), visitorKeys };
  },
};
