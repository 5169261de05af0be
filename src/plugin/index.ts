import type { ESLint, Linter } from 'eslint';
import { rules } from '../../rules/index.js';
import { typescriptParser } from '../parser/typescript.js';
import { VERSION } from '../version.js';
import { CONFIG_FILES, JS_FILES, PYTHON_FILES } from './files.js';
import { atLeast } from '../rule-kit/severity.js';
import { mcpConfigLanguage } from '../config-language/language.js'; // issue 3
import { pythonLanguage } from '../python/language.js';
import { languagesOf, type McpRuleModule, type RuleLanguage } from '../rule-kit/create-rule.js';

export const PLUGIN_NAME = 'mcp-audit';

/** ESLint severity for a rule in the recommended preset: high and critical are errors, the rest warnings. */
export function eslintLevel(rule: McpRuleModule): 'error' | 'warn' {
  return atLeast(rule.meta.mcpAudit.severity, 'high') ? 'error' : 'warn';
}

const plugin = {
  meta: { name: PLUGIN_NAME, version: VERSION },
  rules: rules as unknown as ESLint.Plugin['rules'],
  languages: {} as NonNullable<ESLint.Plugin['languages']>,
  configs: {} as Record<string, Linter.Config[]>,
} satisfies ESLint.Plugin;

// --- Config-file language (MCP client configs): registered here. ---
plugin.languages['mcp-config'] = mcpConfigLanguage as unknown as NonNullable<ESLint.Plugin['languages']>[string]; // issue 3
// Python: the CLI lints with it (after loading the parser, src/python/parser.ts); no preset enables it.
plugin.languages.python = pythonLanguage as unknown as NonNullable<ESLint.Plugin['languages']>[string];

/**
 * The parts of a flat-config entry that say which files a rule language reads and how they are parsed. Shared by
 * the recommended preset and the CLI engine, so the two can never disagree on files or parsers.
 */
export function languageBase(language: RuleLanguage): Linter.Config | null {
  const plugins = { [PLUGIN_NAME]: plugin as ESLint.Plugin };
  if (language === 'js') {
    return {
      files: JS_FILES,
      plugins,
      languageOptions: { parser: typescriptParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' },
    };
  }
  if (language === 'python') return { files: PYTHON_FILES, plugins, language: `${PLUGIN_NAME}/python` };
  if (CONFIG_FILES.length === 0 || !plugin.languages['mcp-config']) return null;
  return { files: CONFIG_FILES, plugins, language: `${PLUGIN_NAME}/mcp-config` };
}

/** Rule ids (prefixed) of a language at their recommended ESLint levels. */
export function rulesFor(language: RuleLanguage, only?: ReadonlySet<string>): Linter.RulesRecord {
  const out: Linter.RulesRecord = {};
  for (const [id, rule] of Object.entries(rules)) {
    if (!languagesOf(rule.meta.mcpAudit).includes(language) || (only && !only.has(id))) continue;
    out[`${PLUGIN_NAME}/${id}`] = eslintLevel(rule);
  }
  return out;
}

plugin.configs.recommended = (['js', 'config'] as const).flatMap((language) => {
  const base = languageBase(language);
  return base ? [{ name: `${PLUGIN_NAME}/recommended/${language}`, ...base, rules: rulesFor(language) }] : [];
});

export default plugin;
