// Runs a callback with ESLint's SourceCode of a snippet, as a rule would see it.
import { Linter, type SourceCode } from 'eslint';
import tsParser from '@typescript-eslint/parser';

export function withSourceCode<T>(text: string, fn: (sourceCode: SourceCode, filename: string) => T, filename = `${process.cwd()}/virtual/src/server.ts`): T {
  let result: T | undefined;
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  const messages = linter.verify(
    text,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module', ecmaVersion: 'latest' },
        plugins: {
          probe: {
            rules: {
              probe: {
                create(context) {
                  return {
                    Program() {
                      result = fn(context.sourceCode as unknown as SourceCode, context.filename);
                    },
                  };
                },
              },
            },
          },
        },
        rules: { 'probe/probe': 'error' },
      },
    ],
    { filename },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return result as T;
}
