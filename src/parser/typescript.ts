// typescript-estree (the ESLint plugin's parser), loaded on first use: it brings the whole TypeScript compiler,
// about 0.3 s to load, which a CLI scan needs only for a file oxc declines (or for every file where oxc is off).
import { createRequire } from 'node:module';

type TsParser = typeof import('@typescript-eslint/parser');

const require = createRequire(import.meta.url);
let loaded: TsParser | undefined;
const load = (): TsParser => (loaded ??= require('@typescript-eslint/parser') as TsParser);

/** `@typescript-eslint/parser` with the same `meta`, `parse` and `parseForESLint`, loaded when first called. */
export const typescriptParser = {
  meta: { name: 'typescript-eslint/parser', version: (require('@typescript-eslint/parser/package.json') as { version: string }).version },
  parse: ((text, options) => load().parse(text, options)) as TsParser['parse'],
  parseForESLint: ((text, options) => load().parseForESLint(text, options)) as TsParser['parseForESLint'],
};
