// The helper threads, from the build (worker threads run compiled modules; `npm test` builds first).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileAnalyser as FileAnalyserType, FileJob, FileResult } from '../../src/engine/analyse.js';
import type { LintHelpers as LintHelpersType } from '../../src/engine/pool.js';

const dist = (p: string) => resolve('dist/src/engine', p);
const { FileAnalyser } = (await import(dist('analyse.js'))) as { FileAnalyser: typeof FileAnalyserType };
const { LintHelpers } = (await import(dist('pool.js'))) as { LintHelpers: typeof LintHelpersType };

const root = resolve('examples/vulnerable-server');
const init = { root, enabledRuleIds: ['no-hardcoded-secrets', 'no-secrets-in-mcp-config', 'require-tool-authorization'], project: { rules: {}, ignore: [] }, maxFileSize: 1 << 20 };
const files = ['src/server.ts', 'src/upstream.ts', '.mcp.json'];

const jobs: FileJob[] = files.map((rel) => ({ abs: resolve(root, rel), rel, lang: rel.endsWith('.json') ? 'config' : 'js', facts: { git: 'unknown' } }));

const summary = (results: FileResult[]) => results.map((r) => r.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`));

describe('helper threads', () => {
  const analyser = new FileAnalyser(init);
  const here = jobs.map((j) => analyser.analyse(j));

  it('analyse every file on the helpers alone, with the results this thread gives, in job order', async () => {
    expect(summary(here)).toEqual([
      ['src/server.ts:14 require-tool-authorization', 'src/server.ts:23 require-tool-authorization', 'src/server.ts:32 require-tool-authorization'],
      ['src/upstream.ts:5 no-hardcoded-secrets', 'src/upstream.ts:12 no-hardcoded-secrets'],
      ['.mcp.json:7 no-secrets-in-mcp-config'],
    ]);
    const helpers = new LintHelpers(2, init);
    try {
      const done: number[] = [];
      const results = await helpers.analyse([...jobs, ...jobs], null, (n) => done.push(n));
      expect(results).toEqual([...here, ...here]);
      expect(done).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      await helpers.close();
    }
  });

  it('share the queue with this thread and still return job order', async () => {
    const helpers = new LintHelpers(1, init);
    try {
      const many = Array.from({ length: 40 }, (_, i) => jobs[i % jobs.length]);
      const results = await helpers.analyse(many, (j) => analyser.analyse(j));
      expect(results).toEqual(many.map((_, i) => here[i % jobs.length]));
    } finally {
      await helpers.close();
    }
  });

  it('analyse on this thread the files of a helper that failed to start', async () => {
    const helpers = new LintHelpers(1, { ...init, enabledRuleIds: ['no-such-rule'] });
    try {
      const results = await helpers.analyse(jobs, (j) => analyser.analyse(j));
      expect(results).toEqual(here);
    } finally {
      await helpers.close();
    }
  });
});
