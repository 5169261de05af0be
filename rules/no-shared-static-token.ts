import { existsSync } from 'node:fs';
import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import { SECRET_NAME_KEYWORDS } from '../src/rule-kit/tables/auth-primitives.js';
import { moduleCredentialChecks } from '../src/mcp-model/credentials.js';
import { projectServerModels } from '../src/mcp-model/reachability.js';
import { serving, type Serving } from '../src/mcp-model/serving.js';
import { LOCAL_HOSTS } from '../src/mcp-model/server.js';

/** Only this machine can call the server: a localhost-only Host allowlist, or every listen on a loopback address. */
function onlyThisMachine(s: Serving, filename: string): boolean {
  // As reachability: a module that wires its own transport is judged on its own wiring; a helper module on its project's.
  const models = s.model.transports.length > 0 || !existsSync(filename) ? [s.model] : projectServerModels(filename).map((m) => m.model);
  if (models.some((m) => m.localOnly.length > 0)) return true;
  const listens = s.listens();
  return listens.length > 0 && listens.every((l) => !l.hostUnknown && l.host !== null && LOCAL_HOSTS.has(l.host));
}

/**
 * A token every caller shares is revoked only by rotating it for all of them (a redeploy), and nothing downstream can
 * tell callers apart. Keys written into the source are no-hardcoded-secrets' finding, not this one.
 */
export default createRule<'shared' | 'keyList'>('no-shared-static-token', {
  meta: {
    severity: 'low',
    language: 'js',
    description: 'An HTTP MCP server checks callers against one token or a key list read at start-up: not revocable per caller',
    cwe: ['CWE-1390'],
    owasp: ['MCP01', 'MCP07'],
    // a presented credential or a server secret is named in the file (`authorization`, `apiKey`, `MCP_TOKEN`, `x-mcp-auth`)…
    keywords: [...SECRET_NAME_KEYWORDS, { word: 'auth' }],
    // …and the server's secret is read there: from the environment, a config object, or mcp-framework's key provider
    keywordsAlso: [['env', 'config', 'apikeyauthprovider']],
    messages: {
      shared:
        'Every caller presents the same secret ({{detail}}), read once at start-up: it cannot be revoked for one caller without redeploying, and logs and upstream APIs see a single identity. Issue per-user tokens (stored hashed, revocable one by one) or OAuth access tokens, or require client certificates (mTLS).',
      keyList:
        'Callers are checked against a key list read once at start-up ({{detail}}): revoking one key means redeploying. Keep per-user keys in a store (hashed, with a revoked flag checked per request) or use OAuth access tokens, or client certificates (mTLS).',
    },
  },
  create(context) {
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      Program(program) {
        const s = serving(context.eslint, program as TSESTree.Program);
        const checks = moduleCredentialChecks(s.ctx).filter((c) => c.secret && c.secret.source !== 'literal');
        if (checks.length === 0 || !s.reach().http) return;
        // A key list is held by several callers wherever the server listens; one token on a loopback server is one user's.
        const local = checks.some((c) => !c.secret!.list) && onlyThisMachine(s, filename);
        for (const c of checks) {
          if (!c.secret!.list && local) continue;
          context.report({ node: c.node as TSESTree.Node, messageId: c.secret!.list ? 'keyList' : 'shared', data: { detail: c.detail }, fingerprintKey: c.secret!.name });
        }
      },
    };
  },
});
