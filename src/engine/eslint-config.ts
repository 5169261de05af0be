// What the CLI takes from ESLint's own files rather than its public API (a normalized config array; a JS language
// whose SourceCode skips code paths, defers scope analysis and visits only the node types the rules listen to), each
// because the public path costs a large share of a scan; where a file cannot be loaded (another ESLint layout),
// ESLint's public behaviour is used. A test holds them to load with the ESLint version we depend on.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SourceCode, type ESLint, type Linter, type Scope } from 'eslint';
import { DeferredScope } from '../parser/index.js';

/** A module of ESLint's `lib/` (`config/flat-config-array.js`), or null where it cannot be loaded. */
function fromEslint<T>(path: string): T | null {
  try {
    const require = createRequire(import.meta.url);
    return require(join(dirname(require.resolve('eslint')), path)) as T; // resolve('eslint') is <eslint>/lib/api.js
  } catch {
    return null;
  }
}

// --- A config array normalized once ---------------------------------------------------------------------------
// `Linter.verify()` turns a plain config array into a new FlatConfigArray and normalizes it (validating every
// rule's options with ajv) on every call, then looks the file up in it with nothing cached. Given an array it
// normalized once, it skips all that: about a tenth of the scan's time on the bench corpus.

type NormalizedArray = Linter.Config[] & { normalizeSync(): unknown; getConfig(path: string): unknown };
type FlatConfigArrayClass = new (configs: Linter.Config[], options: { basePath: string }) => NormalizedArray;

const FlatConfigArray = fromEslint<{ FlatConfigArray?: FlatConfigArrayClass }>('config/flat-config-array.js')?.FlatConfigArray ?? null;

/** `configs` as ESLint's own normalized config array (what `verify` would build), or as they are. */
export function normalizedConfigs(configs: Linter.Config[], basePath: string): Linter.Config[] {
  if (typeof FlatConfigArray !== 'function') return configs;
  const array = new FlatConfigArray(configs, { basePath });
  array.normalizeSync();
  return array;
}

/** Whether `normalizedConfigs` uses ESLint's class. */
export const usesEslintConfigArray = typeof FlatConfigArray === 'function';

// --- A JS language without code paths -------------------------------------------------------------------------

type JsLanguage = Record<string, unknown> & { createSourceCode(file: unknown, parsed: unknown, context: unknown): unknown };
interface JsFile {
  body: string;
  bom: boolean;
}
interface JsParse {
  ast: unknown;
  parserServices?: unknown;
  visitorKeys?: unknown;
  scopeManager?: unknown;
}

/**
 * ESLint's SourceCode, with two changes made through accessors its constructor assigns through: `isESTree` always
 * reads false (no code paths), and a DeferredScope given as the scope manager is analysed when first read (by
 * `getScope`, `getDeclaredVariables` and the like), with ESLint's end-of-setup step (declaring globals in the
 * global scope), which needs the scopes, run right after. A file no rule asks scopes of is never analysed.
 */
class SourceCodeWithoutCodePaths extends SourceCode {
  // No class fields: SourceCode's constructor runs the setter below before a subclass's fields would exist.
  get isESTree(): boolean {
    return false;
  }
  set isESTree(_value: boolean) {
    // ignored: see the getter
  }

  // @ts-expect-error: an accessor in place of SourceCode's data property (its constructor assigns through it)
  override get scopeManager(): Scope.ScopeManager {
    const state = (this as unknown as Deferrable)[SCOPES];
    if (state.scopes instanceof DeferredScope) {
      state.scopes = state.scopes.analyse();
      if (state.finalizeWhenAnalysed) finalizeOf(this);
    }
    return state.scopes as Scope.ScopeManager;
  }
  override set scopeManager(value: Scope.ScopeManager) {
    // A box of its own: SourceCode freezes itself at the end of its constructor.
    (this as unknown as Deferrable)[SCOPES] = { scopes: value, finalizeWhenAnalysed: false };
  }

  finalize(): void {
    const state = (this as unknown as Deferrable)[SCOPES];
    if (state.scopes instanceof DeferredScope) state.finalizeWhenAnalysed = true;
    else finalizeOf(this);
  }

  /**
   * ESLint asks for the traversal steps before it creates the rules, and reads them after; a lazy iterable is what
   * it accepts for that. When the rules it created recorded their listeners (`recordingListeners`), the steps are
   * the visits of the node types they listen to, no others; otherwise ESLint's own steps.
   */
  override traverse(): ReturnType<SourceCode['traverse']> {
    return lazySteps(this, () => super.traverse()) as unknown as ReturnType<SourceCode['traverse']>;
  }
}

// --- Visits only of the node types the rules listen to -------------------------------------------------------
// ESLint's own traversal builds two step objects (and two argument arrays) for every node, and then looks up the
// listeners of each; most nodes (identifiers, member expressions, everything in type annotations) have none.

/** Listener keys of the rules ESLint created for a SourceCode, when they were the CLI's recording ones. */
const listenedBy = new WeakMap<object, Set<string>>();

type RuleLike = { create(context: { sourceCode: object }): Record<string, unknown> };

/** The rules, each recording the listener keys it returns for a file on that file's SourceCode. */
export function recordingListeners<R extends RuleLike>(rules: Record<string, R>): Record<string, R> {
  return Object.fromEntries(
    Object.entries(rules).map(([id, rule]) => [
      id,
      {
        ...rule,
        create(context: { sourceCode: object }) {
          const listeners = rule.create(context);
          let keys = listenedBy.get(context.sourceCode);
          if (!keys) listenedBy.set(context.sourceCode, (keys = new Set()));
          for (const key in listeners) keys.add(key);
          return listeners;
        },
      },
    ]),
  );
}

/** A listener key that is a node type or its `:exit`: anything else (esquery selectors) needs ESLint's steps. */
const PLAIN_KEY = /^[A-Z][A-Za-z]*(?::exit)?$/;

const traverser = fromEslint<{ getKeys(node: object): string[] }>('shared/traverser.js');
/** Child keys of a node type the parser's visitor keys do not name, as ESLint's traversal estimates them. */
const fallbackKeys = (node: object): string[] =>
  traverser?.getKeys(node) ?? Object.keys(node).filter((k) => k !== 'parent' && k !== 'leadingComments' && k !== 'trailingComments');

type TreeNode = { type: string; parent?: TreeNode | null } & Record<string, unknown>;

/** Iterates ESLint's steps, or (rules recorded) the visits of listened node types in ESLint's order, one reused step. */
function* lazySteps(sourceCode: SourceCode, eslintSteps: () => Iterable<unknown>): Generator<unknown> {
  const keys = listenedBy.get(sourceCode);
  if (!keys || [...keys].some((k) => !PLAIN_KEY.test(k))) {
    yield* eslintSteps();
    return;
  }
  const enter = new Set<string>();
  const exit = new Set<string>();
  for (const k of keys) {
    if (k.endsWith(':exit')) exit.add(k.slice(0, -5));
    else enter.add(k);
  }
  const visitorKeys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const step = { type: 'visit', kind: 1, target: null as TreeNode | null, phase: 1, args: [null as TreeNode | null] };
  // Depth first as ESLint's Traverser goes (children in visitor-key order), setting `parent` as it does. A node is
  // pushed once to enter and, when its exit is listened to, once more beneath its children to leave.
  const nodes: TreeNode[] = [sourceCode.ast as unknown as TreeNode];
  const parents: Array<TreeNode | null> = [null];
  const leaving: boolean[] = [false];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const parent = parents.pop()!;
    if (leaving.pop()) {
      step.target = step.args[0] = node;
      step.phase = 2;
      yield step;
      continue;
    }
    node.parent = parent;
    if (enter.has(node.type)) {
      step.target = step.args[0] = node;
      step.phase = 1;
      yield step;
    }
    if (exit.has(node.type)) {
      nodes.push(node);
      parents.push(parent);
      leaving.push(true);
    }
    const childKeys = visitorKeys[node.type] ?? fallbackKeys(node);
    for (let k = childKeys.length - 1; k >= 0; k--) {
      const child = node[childKeys[k]];
      if (Array.isArray(child)) {
        for (let j = child.length - 1; j >= 0; j--) pushNode(child[j], node);
      } else pushNode(child, node);
    }
  }
  function pushNode(child: unknown, parent: TreeNode): void {
    if (child === null || typeof child !== 'object' || typeof (child as TreeNode).type !== 'string') return;
    nodes.push(child as TreeNode);
    parents.push(parent);
    leaving.push(false);
  }
}

const SCOPES = Symbol('scopes');
interface Deferrable {
  [SCOPES]: { scopes: unknown; finalizeWhenAnalysed: boolean };
}
/** SourceCode's own `finalize` (not in ESLint's typings). */
const finalizeOf = (sourceCode: SourceCode): void => (SourceCode.prototype as unknown as { finalize(this: SourceCode): void }).finalize.call(sourceCode);

function withoutCodePaths(js: JsLanguage | null): JsLanguage | null {
  if (typeof js?.createSourceCode !== 'function') return null;
  return {
    ...js,
    // As ESLint's own, which analyses scopes itself when a parser gives none (ours always give one).
    createSourceCode(file: JsFile, parsed: JsParse, context: unknown) {
      if (!parsed.scopeManager) return js.createSourceCode(file, parsed, context);
      const { ast, parserServices, scopeManager, visitorKeys } = parsed;
      return new SourceCodeWithoutCodePaths({ text: file.body, ast, hasBOM: file.bom, parserServices, scopeManager, visitorKeys } as never);
    },
  };
}

/**
 * ESLint's JS language whose SourceCode skips code-path analysis, a tenth of the time ESLint spends per file: no
 * rule of ours listens to code-path events (a meta test holds that). ESLint builds the paths only when the
 * SourceCode's `isESTree`, set in its constructor, is true; this subclass reads it as false, so every node event
 * still reaches the rules. It also runs a deferred scope analysis (fastParser with `deferScope`) only when a rule
 * asks for scopes: half the files of a real MCP project never do. Null where ESLint's JS language cannot be loaded
 * from its files (then ESLint's own runs, and the CLI asks for no deferral).
 */
export const jsLanguageWithoutCodePaths = withoutCodePaths(fromEslint<JsLanguage>('languages/js/index.js')) as unknown as
  | NonNullable<ESLint.Plugin['languages']>[string]
  | null;
