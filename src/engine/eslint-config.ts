// Two things the CLI takes from ESLint's own files rather than its public API, each because the public path costs
// a large share of a scan; where a file cannot be loaded (another ESLint layout), ESLint's public behaviour is used.
// A test holds both to load with the ESLint version we depend on.
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
