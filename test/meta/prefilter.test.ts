import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { Prefilter } from '../../src/engine/prefilter.js';
import { pythonView, type Keyword, type McpRuleModule } from '../../src/rule-kit/create-rule.js';
import { examplesOf } from '../support/doc-examples.js';
import { resolve } from 'node:path';
import { Linter } from 'eslint';
import { globby } from 'globby';
import plugin from '../../src/plugin/index.js';
import { CONFIG_FILES, JS_FILES } from '../../src/plugin/files.js';
import { DEFAULT_IGNORES } from '../../src/engine/discover.js';
import { parseAhead } from '../../src/parser/index.js';

/**
 * The keyword prefilter may skip a file only when the rule could not report in it. These checks hold every rule's
 * keywords to the places we know it reports: its docs' incorrect examples and the eval set's expected findings.
 */
const selectsText = (id: string, text: string, lang = 'ts') => {
  const rule = lang === 'python' ? pythonView(rules[id]) : rules[id];
  return !!rule && new Prefilter([[id, rule]]).select(text).has(id);
};
/** The tree gate, on the tree the CLI gates (oxc's bare tree; where oxc declines the CLI runs the rule ungated). */
const gatePasses = (id: string, text: string, path = 'x.ts') => {
  const gate = rules[id].meta.mcpAudit.treeGate;
  const tree = gate ? parseAhead(path, text) : null;
  return !gate || !tree || gate(tree);
};
/** Both prefilter stages let the file through to the rule. */
const selects = (id: string, text: string, path?: string, lang?: string) =>
  lang === 'python' ? selectsText(id, text, lang) : selectsText(id, text) && gatePasses(id, text, path);

describe.each(Object.keys(rules))('%s keywords', (id) => {
  it('let every incorrect docs example through', () => {
    const md = readFileSync(`docs/rules/${id}.md`, 'utf8');
    for (const e of examplesOf(md).filter((x) => x.kind === 'incorrect')) expect(selects(id, e.code, undefined, e.lang), `docs line ${e.line}`).toBe(true);
  });

});

/** Fixtures sit under `fixtures/`, a test folder: show what the file-class policy would hold back there. */
const SHOW_HELD_BACK = { settings: { mcpAudit: { showHeldBack: true } } };

describe('wherever a rule reports without the prefilter, the prefilter selects it', () => {
  // Every fixture, example and eval project, linted by ESLint with the plugin's own config (no prefilter).
  it('on every fixture, example and eval project file', async () => {
    const files = await globby([...JS_FILES, ...CONFIG_FILES], { cwd: resolve('.'), absolute: true, dot: true, gitignore: true, ignore: DEFAULT_IGNORES.filter((g) => !g.includes('dist')) , onlyFiles: true });
    const linter = new Linter({ configType: 'flat', cwd: resolve('.') });
    const misses: string[] = [];
    for (const file of files.filter((f) => /\/(fixtures|examples|eval)\//.test(f))) {
      const text = readFileSync(file, 'utf8');
      const reported = new Set(
        linter
          .verify(text, [...plugin.configs.recommended, SHOW_HELD_BACK], { filename: file })
          .flatMap((m) => (m.ruleId?.startsWith('mcp-audit/') ? [m.ruleId.slice('mcp-audit/'.length)] : [])),
      );
      for (const id of reported) if (!selects(id, text, file)) misses.push(`${id} ${file.slice(resolve('.').length + 1)}`);
    }
    expect(misses).toEqual([]);
  });
});

describe('tree gates', () => {
  const gated = Object.keys(rules).filter((id) => rules[id].meta.mcpAudit.treeGate);

  it('are few and only on JS rules', () => {
    expect(gated).toEqual(['no-secret-logging']);
  });

  it('no-secret-logging: passes a file with any log call or morgan format, not one that only names a log', () => {
    for (const code of [
      'console.log(x);',
      'logger.info(x);',
      '(logger as Logger).warn(x);',
      'this.logger.error(x);',
      "ctx['log'].debug(x);",
      'log(x);',
      'debug?.(x);',
      'server.sendLoggingMessage({ level: "info", data });',
      'app.use(morgan(":method"));',
      'function f() { return () => { audit.info(req.headers); }; }',
    ]) {
      expect(gatePasses('no-secret-logging', code), code).toBe(true);
    }
    for (const code of [
      "router.get('/api/log/:id', async (req, res) => { const log = await db.log.findUnique({ where: { id: req.params.id } }); res.json(log); });",
      'const catalog = loadCatalog(req.query);',
      'logger.child({ req }).child({}).info;',
    ]) {
      expect(selectsText('no-secret-logging', code), code).toBe(true);
      expect(gatePasses('no-secret-logging', code), code).toBe(false);
    }
  });
});

describe('keywords that need two things', () => {
  it('no-unverified-identity: an identity argument name counts only beside a tool registration; a header name alone does', () => {
    expect(selectsText('no-unverified-identity', 'export function isOwner(userId: string, ownerId: string) { return userId === ownerId; }')).toBe(false);
    expect(selectsText('no-unverified-identity', "server.registerTool('x', {}, async ({ userId }) => (userId === 'a' ? 1 : 0));")).toBe(true);
    expect(selectsText('no-unverified-identity', "const user = req.headers['X-User-Id'];")).toBe(true);
  });

  it('require-tool-authorization: `tools` alone counts only beside a server factory name (mcp, server)', () => {
    expect(selectsText('require-tool-authorization', "import { list } from './tools/index.js';\nexport const n = list.length;")).toBe(false);
    expect(selectsText('require-tool-authorization', 'export const app = createMcpServer({ tools: { run: tool({ execute }) } });')).toBe(true);
    expect(selectsText('require-tool-authorization', "server.tool('x', async () => ({ content: [] }));")).toBe(true);
  });

  it('no-token-passthrough: `headers` counts beside the name of a request-like owner, `token` alone never', () => {
    expect(selectsText('no-token-passthrough', "const token = await getToken();\nawait fetch(url, { headers: { 'Content-Type': 'application/json' } });")).toBe(false);
    expect(selectsText('no-token-passthrough', 'await fetch(url, { headers: req.headers });')).toBe(true);
    expect(selectsText('no-token-passthrough', 'await fetch(url, { headers: { Authorization: extra.authInfo.token } });')).toBe(true);
    expect(selectsText('no-token-passthrough', "await fetch(url, { headers: c.req.header() });")).toBe(true);
  });
});

describe('text gates', () => {
  it('no-unauthenticated-public-bind: needs a listen call as the model reads it, not a McpServer type', () => {
    expect(selectsText('no-unauthenticated-public-bind', "import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nexport function tools(server: McpServer) {}")).toBe(false);
    expect(selectsText('no-unauthenticated-public-bind', 'const server = new McpServer({ name: "x" });\napp.listen(3000);')).toBe(true);
  });

  it('no-shared-server-instance: needs createMcpHandler, or a connect beside an HTTP transport', () => {
    expect(selectsText('no-shared-server-instance', 'const server = new McpServer({ name: "x" });\nawait server.connect(new StdioServerTransport());')).toBe(false);
    expect(selectsText('no-shared-server-instance', 'const server = new McpServer({ name: "x" });\napp.post("/mcp", async () => { await server.connect(new StreamableHTTPServerTransport({})); });')).toBe(true);
    expect(selectsText('no-shared-server-instance', 'const server = new McpServer({ name: "x" });\nexport default createMcpHandler(server);')).toBe(true);
  });

  it('secure-session-id: needs a sessionIdGenerator or a session id read off an object', () => {
    expect(selectsText('secure-session-id', 'export function close(sessionId: string) { sessions.delete(sessionId); }')).toBe(false);
    expect(selectsText('secure-session-id', 'if (extra?.sessionId === owner) return;')).toBe(true);
    expect(selectsText('secure-session-id', 'new StreamableHTTPServerTransport({ sessionIdGenerator: () => String(n++) });')).toBe(true);
  });

  it('jwt-verify-options: needs jose’s jwtVerify or jsonwebtoken’s verify, not any verify', () => {
    expect(selectsText('jwt-verify-options', "import { verifySignature } from './sig.js';\nexport const ok = verifySignature(body, sig);")).toBe(false);
    expect(selectsText('jwt-verify-options', "import jwt from 'jsonwebtoken';\njwt.verify(token, key);")).toBe(true);
    expect(selectsText('jwt-verify-options', 'const { payload } = await jwtVerify(token, jwks);')).toBe(true);
    expect(selectsText('jwt-verify-options', 'const claims = jwt.verify(token, process.env.KEY);')).toBe(true);
  });

  it('no-hardcoded-secrets: needs a quoted value it could report, not a credential word', () => {
    expect(selectsText('no-hardcoded-secrets', "const token = process.env.API_TOKEN;\nconst url = 'https://api.example.com/v1';\nawait fetch(url, { method: 'POST', headers: { 'X-Trace': traceId } });")).toBe(false);
    expect(selectsText('no-hardcoded-secrets', "const token = 'ghp_' + 'x';\nconst apiToken = 'Zx9kQ2mLp4TrW8vB';")).toBe(true);
    expect(selectsText('no-hardcoded-secrets', "const auth = 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl';")).toBe(true);
    // escapes are cooked: the value is the one the rule sees
    expect(selectsText('no-hardcoded-secrets', String.raw`const key = 'ghp_\u00418kQ2mLp4TrW8vBx7YcN3dF5gH1jK6sZ0aQw';`)).toBe(true);
  });
});

describe('Prefilter', () => {
  const rule = (keywords: Keyword[], keywordsAlso?: Keyword[][]) => ({ meta: { mcpAudit: { keywords, keywordsAlso } } }) as unknown as McpRuleModule;
  const pf = new Prefilter([
    ['any', rule(['token', 'secret'])],
    ['both', rule(['console', 'logger'], [['authorization', 'token']])],
    ['always', rule([])],
    ['word', rule([{ word: 'mac' }])],
    ['all', rule([{ all: ['action', 'effect'] }, 'scope'])],
    ['request', rule(['log'], [[{ word: 'req' }]])],
  ]);

  it('selects a rule when one of its keywords occurs, case-insensitively, even inside longer words', () => {
    expect([...pf.select('const X_AUTH_TOKEN = 1')].sort()).toEqual(['always', 'any']);
    expect([...pf.select('const X_AUTH_TOKEN = 1 // macro')].sort()).toEqual(['always', 'any']);
    expect([...pf.select('nothing here')]).toEqual(['always']);
  });

  it('requires a word of every keywordsAlso group as well', () => {
    expect(pf.select('console.log(x)').has('both')).toBe(false);
    expect(pf.select('console.log(req.headers.Authorization)').has('both')).toBe(true);
    // a keywordsAlso word alone is not enough
    expect(pf.select('const authorization = 1').has('both')).toBe(false);
  });

  it('counts a word keyword only where a name splits into words (camel humps, _ - . and other separators)', () => {
    for (const t of ['hubMac', 'x_mac', 'X-HUB-MAC', 'mac', 'const macKey = 1', 'a.mac', "'mac'", 'MAC_KEY', 'getMac()']) {
      expect(pf.select(t).has('word'), t).toBe(true);
    }
    for (const t of ['teamAccount', 'macro', 'HMAC', 'hmac', 'MACKey', 'mac2', 'emacs']) expect(pf.select(t).has('word'), t).toBe(false);
    expect(pf.select('logger.info(req.headers)').has('request')).toBe(true);
    expect(pf.select("logger.info(require('x'))").has('request')).toBe(false);
  });

  it('needs every part of an all keyword, or another keyword', () => {
    expect(pf.select('dispatch(action)').has('all')).toBe(false);
    expect(pf.select('{ Effect: "Allow", Action: "s3:*" }').has('all')).toBe(true);
    expect(pf.select('const scope = 1').has('all')).toBe(true);
  });
});
