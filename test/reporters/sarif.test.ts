import { createRequire } from 'node:module';
import AjvModule from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { scan } from '../../src/engine/scan.js';
import { formatSarif } from '../../src/reporters/sarif.js';
import { tmpCopy } from '../support/tmp-project.js';

const require = createRequire(import.meta.url);
// The OASIS SARIF 2.1.0 schema, as shipped by Microsoft's @microsoft/jest-sarif package.
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

describe('SARIF 2.1.0 output', () => {
  let sarif: any;
  beforeAll(async () => {
    const root = tmpCopy('fixtures/projects/secrets-basic');
    sarif = JSON.parse(formatSarif(await scan({ root }), rules));
  });

  it('validates against the SARIF 2.1.0 JSON schema', () => {
    const Ajv = (AjvModule as unknown as { default: typeof AjvModule }).default ?? AjvModule;
    const ajv = new (Ajv as unknown as new (o: object) => import('ajv').default)({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('describes every rule with help URI and security-severity', () => {
    const driverRules = sarif.runs[0].tool.driver.rules;
    expect(driverRules.map((r: any) => r.id)).toEqual(Object.keys(rules).sort());
    const r = driverRules.find((x: any) => x.id === 'no-hardcoded-secrets');
    expect(r.helpUri).toBe('https://github.com/mcp-audit/mcp-audit/blob/main/docs/rules/no-hardcoded-secrets.md');
    expect(r.properties['security-severity']).toBe('8.0');
    expect(r.properties.tags).toEqual(['security', 'external/cwe/cwe-798', 'owasp-mcp/MCP01']);
  });

  it('has results with relative URIs, regions, fingerprints and in-source suppressions', () => {
    const results = sarif.runs[0].results;
    const active = results.filter((r: any) => !r.suppressions);
    expect(active.map((r: any) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine])).toEqual([
      ['no-hardcoded-secrets', 'error', 'src/client.ts', 3],
      ['no-hardcoded-secrets', 'error', 'src/config.ts', 3],
    ]);
    // The finding in test code is held back: counted in the run's properties, not listed.
    expect(sarif.runs[0].properties.heldBack).toEqual({ total: 1, test: 1, generated: 0, vendored: 0 });
    for (const r of results) {
      expect(r.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(r.partialFingerprints['mcpAudit/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
    const suppressed = results.filter((r: any) => r.suppressions);
    expect(suppressed.map((r: any) => r.suppressions)).toEqual([
      [{ kind: 'inSource', justification: 'sandbox account token with no scopes' }],
      [{ kind: 'inSource', justification: 'revoked in 2025' }],
      [{ kind: 'inSource', justification: 'rotated 2026-10-01, kept as a fixture' }],
    ]);
  });

  it('reports diagnostics as tool execution notifications', () => {
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes).toHaveLength(1);
    expect(notes[0].message.text).toMatch(/^\[parse-error\] Parsing error/);
    expect(notes[0].locations[0].physicalLocation.artifactLocation.uri).toBe('src/broken.ts');
  });
});
