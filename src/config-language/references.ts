/**
 * Reference syntaxes MCP clients expand in config values (reference §6.2). A value holding a reference is not a
 * literal secret — if the client expands that syntax. If it does not, the server receives the placeholder text
 * itself: a broken config, not a leak.
 */
export type ReferenceSyntaxId =
  | 'editor-variable'
  | 'dollar-brace'
  | 'dollar'
  | 'env-colon'
  | 'input'
  | 'file-colon'
  | 'brace-env'
  | 'brace-file'
  | 'user-config'
  | 'template-secrets';

export interface ReferenceSyntax {
  id: ReferenceSyntaxId;
  /** Matches one reference. `$VAR` is anchored: it only counts as the whole value (it could be part of a password). */
  pattern: RegExp;
  examples: string[];
  /** Values that look close but are not this syntax. */
  nonExamples: string[];
  /** False for syntaxes that name paths, not secrets (so they are no advice for keeping a secret out of a file). */
  forSecrets?: false;
}

export const REFERENCE_SYNTAXES: ReferenceSyntax[] = [
  // Editors' predefined variables; listed before `${VAR}`, which would also match them.
  {
    id: 'editor-variable',
    pattern: /\$\{(?:workspaceFolder|workspaceFolderBasename|userHome|pathSeparator|\/)\}/,
    examples: ['${workspaceFolder}/server.js', '${userHome}'],
    nonExamples: ['${WORKSPACE}'],
    forSecrets: false,
  },
  {
    id: 'dollar-brace',
    pattern: /\$\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}/,
    examples: ['${GITHUB_TOKEN}', '${API_KEY:-}', 'Bearer ${TOKEN}'],
    nonExamples: ['${env:TOKEN}', '${input:token}'],
  },
  {
    id: 'dollar',
    pattern: /^\$[A-Z_][A-Z0-9_]*$/,
    examples: ['$GITHUB_TOKEN'],
    nonExamples: ['pa$$WORD', 'x$TOKEN'],
  },
  { id: 'env-colon', pattern: /\$\{env:[A-Za-z_][A-Za-z0-9_]*\}/, examples: ['${env:API_KEY}'], nonExamples: ['{env:API_KEY}'] },
  { id: 'input', pattern: /\$\{input:[^}]+\}/, examples: ['${input:github-token}'], nonExamples: ['{input:x}'] },
  { id: 'file-colon', pattern: /\$\{file:[^}]+\}/, examples: ['${file:/run/secrets/token}'], nonExamples: ['{file:x}'] },
  { id: 'brace-env', pattern: /(?<!\$)\{env:[A-Za-z_][A-Za-z0-9_]*\}/, examples: ['{env:API_KEY}'], nonExamples: ['${env:API_KEY}'] },
  { id: 'brace-file', pattern: /(?<!\$)\{file:[^}]+\}/, examples: ['{file:~/.secrets/token}'], nonExamples: ['${file:x}'] },
  { id: 'user-config', pattern: /\$\{user_config\.[^}]+\}/, examples: ['${user_config.api_key}'], nonExamples: ['${user_config}'] },
  {
    id: 'template-secrets',
    pattern: /\$\{\{\s*(?:secrets|inputs)\.[^}]+\}\}/,
    examples: ['${{ secrets.API_KEY }}', '${{inputs.token}}'],
    nonExamples: ['${{ env.X }}'],
  },
];

/** The first reference in `value`, if any. */
export function findReference(value: string): ReferenceSyntax | undefined {
  return REFERENCE_SYNTAXES.find((s) => s.pattern.test(value));
}
