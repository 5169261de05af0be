import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { docsUrl } from '../../src/rule-kit/create-rule.js';
import { isSeverity } from '../../src/rule-kit/severity.js';
import plugin from '../../src/plugin/index.js';

const ids = Object.keys(rules);
const ruleFiles = readdirSync('rules')
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3));

describe('every rule has its rule file, test and doc under the same id', () => {
  it('rules/index.ts lists exactly the files in rules/', () => {
    expect([...ids].sort()).toEqual([...ruleFiles].sort());
  });
  it.each(ids)('%s', (id) => {
    expect(existsSync(`test/rules/${id}.test.ts`), `test/rules/${id}.test.ts`).toBe(true);
    expect(existsSync(`docs/rules/${id}.md`), `docs/rules/${id}.md`).toBe(true);
    const meta = rules[id].meta;
    expect(meta.mcpAudit.id).toBe(id);
    expect(meta.docs?.url).toBe(docsUrl(id));
    expect(isSeverity(meta.mcpAudit.severity)).toBe(true);
    expect(meta.mcpAudit.description.length).toBeGreaterThan(10);
    expect(meta.mcpAudit.cwe.length + meta.mcpAudit.owasp.length).toBeGreaterThan(0);
    const texts = [...meta.mcpAudit.keywords, ...(meta.mcpAudit.keywordsAlso ?? []).flat()].flatMap((k) => (typeof k === 'string' ? [k] : 'word' in k ? [k.word] : k.all));
    expect(texts.every((k) => k === k.toLowerCase())).toBe(true);
  });
  it('the README lists every rule with a link to its doc', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const id of ids) expect(readme, id).toContain(`[${id}](docs/rules/${id}.md)`);
  });
  it('rule ids are kebab-case names that say the problem', () => {
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
  });
});

describe('ESLint plugin', () => {
  it('exports every rule and a recommended flat config that enables each one', () => {
    expect(Object.keys(plugin.rules ?? {}).sort()).toEqual([...ids].sort());
    const enabled = new Set(plugin.configs.recommended.flatMap((c) => Object.keys(c.rules ?? {})));
    expect([...enabled].sort()).toEqual(ids.map((id) => `mcp-audit/${id}`).sort());
  });
});
