// `Linter.verify()` turns a plain config array into a new FlatConfigArray and normalizes it (validating every
// rule's options with ajv) on every call, then looks the file up in it with nothing cached. Given an array it
// normalized once, it skips all that: about a tenth of the scan's time on the bench corpus. ESLint does not export
// the class, so it is loaded from ESLint's own files; where that fails (another layout), the plain array is used.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Linter } from 'eslint';

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
