/** Which files each rule language reads. The plugin presets and the CLI's file discovery both use these. */
export const JS_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/**
 * MCP client config files (and package.json, for dependency advisories), wherever they sit in the tree.
 * Filled by src/config-language (client table); empty until that language exists.
 */
export const CONFIG_FILES: string[] = [];
