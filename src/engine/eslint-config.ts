// `Linter.verify()` turns a plain config array into a new FlatConfigArray and normalizes it (validating every
// rule's options with ajv) on every call, then looks the file up in it with nothing cached. Given an array it
// normalized once, it skips all that: about a tenth of the scan's time on the bench corpus. ESLint does not export
// the class, so it is loaded from ESLint's own files; where that fails (another layout), the plain array is used.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SourceCode, type ESLint, type Linter } from 'eslint';

type NormalizedArray = Linter.Config[] & { normalizeSync(): unknown; getConfig(path: string): unknown };
type FlatConfigArrayClass = new (configs: Linter.Config[], options: { basePath: string }) => NormalizedArray;

const FlatConfigArray = loadClass();

function loadClass(): FlatConfigArrayClass | null {
  try {
    const require = createRequire(import.meta.url);
    const api = require.resolve('eslint'); // <eslint>/lib/api.js
    const mod = require(join(dirname(api), 'config', 'flat-config-array.js')) as { FlatConfigArray?: FlatConfigArrayClass };
    return typeof mod.FlatConfigArray === 'function' ? mod.FlatConfigArray : null;
  } catch {
    return null;
  }
}

/** `configs` as ESLint's own normalized config array (what `verify` would build), or as they are. */
export function normalizedConfigs(configs: Linter.Config[], basePath: string): Linter.Config[] {
  if (!FlatConfigArray) return configs;
  const array = new FlatConfigArray(configs, { basePath });
  array.normalizeSync();
  return array;
}

/** Whether `normalizedConfigs` uses ESLint's class (a test holds this true for the ESLint version we depend on). */
export const usesEslintConfigArray = FlatConfigArray !== null;

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
 * ESLint's JS language whose SourceCode skips code-path analysis, a tenth of the time ESLint spends per file: no
 * rule of ours listens to code-path events (a meta test holds that). ESLint builds the paths only when the
 * SourceCode's `isESTree`, set in its constructor, is true; this subclass reads it as false, so every node event
 * still reaches the rules. Null where ESLint's JS language cannot be loaded from its files (then ESLint's own runs).
 */
/** ESLint's constructor assigns `isESTree`; the accessor ignores that and always answers false. */
class SourceCodeWithoutCodePaths extends SourceCode {
  get isESTree(): boolean {
    return false;
  }
  set isESTree(_value: boolean) {
    // ignored: see the getter
  }
}

function loadJsLanguage(): JsLanguage | null {
  try {
    const require = createRequire(import.meta.url);
    const js = require(join(dirname(require.resolve('eslint')), 'languages', 'js', 'index.js')) as JsLanguage;
    if (typeof js.createSourceCode !== 'function') return null;
    return {
      ...js,
      // As ESLint's own, which analyses scopes itself when a parser gives none (ours always give one).
      createSourceCode(file: JsFile, parsed: JsParse, context: unknown) {
        if (!parsed.scopeManager) return js.createSourceCode(file, parsed, context);
        const { ast, parserServices, scopeManager, visitorKeys } = parsed;
        return new SourceCodeWithoutCodePaths({ text: file.body, ast, hasBOM: file.bom, parserServices, scopeManager, visitorKeys } as never);
      },
    };
  } catch {
    return null;
  }
}

export const jsLanguageWithoutCodePaths = loadJsLanguage() as unknown as NonNullable<ESLint.Plugin['languages']>[string] | null;
