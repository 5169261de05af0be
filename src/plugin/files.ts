import { CLIENT_FILE_GLOBS } from '../config-language/clients.js';

/** Which files each rule language reads. The plugin presets and the CLI's file discovery both use these. */
export const JS_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/**
 * MCP client config files (and package.json, for dependency advisories), wherever they sit in the tree: the globs
 * of the client table (src/config-language/clients.ts).
 */
export const CONFIG_FILES: string[] = CLIENT_FILE_GLOBS;

/** Python source, read by the rules' Python implementations (the CLI; the ESLint presets stay JS/TS and configs). */
export const PYTHON_FILES = ['**/*.{py,pyi}'];

/**
 * Source languages MCP servers are written in that no rule reads. A scan counts their files and says so in one
 * diagnostic per language, so that a tree of them never looks like a clean result.
 */
export const UNREAD_SOURCE_FILES: ReadonlyArray<{ language: string; globs: string[] }> = [
  { language: 'Go', globs: ['**/*.go'] },
  { language: 'Rust', globs: ['**/*.rs'] },
  { language: 'Java', globs: ['**/*.java'] },
  { language: 'Kotlin', globs: ['**/*.{kt,kts}'] },
  { language: 'C#', globs: ['**/*.cs'] },
  { language: 'Ruby', globs: ['**/*.rb'] },
  { language: 'PHP', globs: ['**/*.php'] },
  { language: 'Swift', globs: ['**/*.swift'] },
  { language: 'Elixir', globs: ['**/*.{ex,exs}'] },
  { language: 'Scala', globs: ['**/*.scala'] },
  { language: 'Dart', globs: ['**/*.dart'] },
];
