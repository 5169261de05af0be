import { Linter } from 'eslint';
import { beforeAll, expect } from 'vitest';
import { rules } from '../../rules/index.js';
import { languageBase, PLUGIN_NAME } from '../../src/plugin/index.js';
import { loadPythonParser } from '../../src/python/parser.js';
import { Prefilter } from '../../src/engine/prefilter.js';
import { pythonView, type McpRuleModule } from '../../src/rule-kit/create-rule.js';

/** The prefilter the engine builds for Python: each rule with its Python implementation's keywords. */
export function pythonPrefilter(ids = Object.keys(rules)): Prefilter {
  return new Prefilter(
    ids.flatMap((id) => {
      const view = pythonView(rules[id]);
      return view ? [[id, view] as [string, McpRuleModule]] : [];
    }),
  );
}

/** Load the Python parser before a test file's cases (the engine does the same before linting Python). */
export function withPythonParser(): void {
  beforeAll(async () => {
    expect(await loadPythonParser()).toBe(true);
  });
}

export interface PyMessage {
  ruleId: string | null;
  messageId?: string;
  line: number;
  column: number;
  message: string;
}

/** Lint Python source with one rule (or every rule that reads Python), as ESLint runs it in the CLI. */
export function lintPython(code: string, ruleId?: string, filename = '/virtual/server.py'): PyMessage[] {
  const ids = Object.keys(rules).filter((id) => rules[id].meta.mcpAudit.python && (!ruleId || id === ruleId));
  const linter = new Linter({ configType: 'flat', cwd: '/virtual' });
  const config = [{ ...languageBase('python')!, rules: Object.fromEntries(ids.map((id) => [`${PLUGIN_NAME}/${id}`, 'error' as const])) }];
  const messages = linter.verify(code, config, { filename });
  // Every report is also a check of the prefilter: a rule that reports here must be selected for this text.
  const selected = pythonPrefilter(ids).select(code);
  for (const m of messages) {
    const id = m.ruleId?.replace(`${PLUGIN_NAME}/`, '');
    if (id && !selected.has(id)) throw new Error(`the Python prefilter of ${id} skips code it reports in:\n${code}`);
  }
  return messages.map((m) => ({
    ruleId: m.ruleId ? m.ruleId.replace(`${PLUGIN_NAME}/`, '') : null,
    ...(m.messageId ? { messageId: m.messageId } : {}),
    line: m.line,
    column: m.column,
    message: m.message,
  }));
}

/** `[line, messageId]` of a rule's reports on some code. */
export function reports(code: string, ruleId: string, filename?: string): Array<[number, string | undefined]> {
  return lintPython(code, ruleId, filename)
    .filter((m) => m.ruleId === ruleId)
    .map((m) => [m.line, m.messageId]);
}
