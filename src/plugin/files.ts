import { CLIENT_FILE_GLOBS } from '../config-language/clients.js';

/** Which files each rule language reads. The plugin presets and the CLI's file discovery both use these. */
export const JS_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/**
 * MCP client config files (and package.json, for dependency advisories), wherever they sit in the tree: the globs
 * of the client table (src/config-language/clients.ts).
 */
export const CONFIG_FILES: string[] = CLIENT_FILE_GLOBS;
