import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import type { Severity } from '../src/rule-kit/severity.js';
import {
  DISCORD_DOCS_URL,
  DISCORD_MINIMAL_PERMISSIONS,
  DISCORD_PERMISSION_BITS,
  dangerousDiscordBits,
  findBroadScopes,
  providersIn,
  type DiscordPermissionBit,
  type ScopeField,
  type ScopeProvider,
} from '../src/rule-kit/tables/oauth-scopes.js';
import { MEMBERSHIP_METHODS } from '../src/rule-kit/tables/access-sinks.js';
import { calleeName, memberPath, propertyKeyName, unwrap, walk, type Node } from '../src/mcp-model/ast.js';
import { moduleIndex } from '../src/mcp-model/module-index.js';
import { getToolRegistrations, type ToolRegistration } from '../src/mcp-model/tools.js';

/** Names that hold OAuth scopes: `scope`, `scopes`, `SCOPES`, `GITHUB_SCOPES`, `requiredScopes`, `scopes_supported`. */
function isScopeName(name: string): boolean {
  const n = name.toLowerCase().replace(/[_-]/g, '');
  return n.endsWith('scope') || n.endsWith('scopes') || n === 'scopessupported';
}

/** IAM policy fields: actions need a policy-statement sibling (`Effect`, `Resource`…); roles are matched by value. */
const IAM_ACTION_KEYS = new Set(['Action', 'NotAction', 'actions', 'notActions']);
const IAM_STATEMENT_KEYS = new Set(['Effect', 'effect', 'Resource', 'resources', 'Principal', 'principals']);
const IAM_ROLE_KEYS = new Set(['role', 'roles', 'policyArn', 'PolicyArn', 'policyArns', 'managedPolicyArns', 'ManagedPolicyArns']);

/** Calls that turn a (possibly requested) scope into a grant or token: echoing the request there grants anything. */
const GRANT_CALL = /^(?:completeAuthorization|issue\w*|create\w*Token|generate\w*Token|mint\w*|sign|save\w*(?:Token|Grant|Code)|store\w*(?:Token|Grant|Code)|grant\w*)$/;
/** Parts of a member path that mean "what the client sent": `oauthReqInfo.scope`, `req.query.scope`. */
const REQUEST_PART = /^(?:req|request|\w*Req(?:uest)?(?:Info)?|params|query|body|searchParams)$/;

/** Tool-name words that say a tool changes something (used with the SDK's destructive/read-only annotations). */
const WRITE_VERBS = new Set([
  'delete', 'remove', 'drop', 'destroy', 'purge', 'truncate', 'write', 'update', 'edit', 'modify', 'patch', 'put',
  'create', 'insert', 'upsert', 'set', 'send', 'post', 'publish', 'deploy', 'push', 'merge', 'exec', 'execute', 'run',
  'kill', 'transfer', 'pay', 'refund', 'reset', 'revoke', 'grant', 'move', 'rename', 'upload', 'archive', 'approve',
  'invite', 'ban',
]);
/** A scope that only reads: `files:read`, `repo.readonly`, `read_api`, `calendar.view`. */
const READ_SCOPE = /(?:^|[:._/-])(?:read|readonly|read_only|view|viewer)$|^read[:_]/i;

function isWriteTool(reg: ToolRegistration): boolean {
  if (reg.kind !== 'tool' || reg.annotations.readOnlyHint === true) return false;
  if (reg.annotations.destructiveHint === true) return true;
  const words = (reg.name ?? '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/);
  return words.some((w) => WRITE_VERBS.has(w));
}

/** A string the scope text came from; `start` is its source offset when the text is spelled verbatim there. */
interface Source {
  node: Node;
  text: string;
  start: number | null;
}

interface Piece extends Source {
  field: ScopeField;
  providers: Set<ScopeProvider>;
}

const URL_SCOPE_PARAM = /[?&#]scope=([^&#\s"'<>]*)/gi;
const URL_DISCORD_PERMISSIONS = /[?&#]permissions=(\d+)/gi;
const FIELD_KIND: Record<ScopeField, string> = { scope: 'scope', 'iam-action': 'policy action', 'iam-role': 'role' };
const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** Code that does OAuth: an authorize or token endpoint, app credentials, a grant, a consent screen, an OAuth library. */
const OAUTH_EVIDENCE = /oauth|authoriz|client_?(?:id|secret)|api_?secret|redirect_?uri|access_?token|openid|consent|grant_?type|passport|login\/oauth/i;

/**
 * `{ token, clientId, scopes }`: an AuthInfo the server builds for a caller it verified. Its scopes say what that caller
 * may do once checks read them; they request nothing (a `'*'` label on an API-key caller is not a consent request).
 */
function isAuthInfo(object: TSESTree.ObjectExpression): boolean {
  const keys = new Set(object.properties.map((p) => (p.type === 'Property' ? propertyKeyName(p.key, p.computed) : null)));
  return keys.has('token') && (keys.has('clientId') || keys.has('client_id'));
}

export default createRule('no-broad-oauth-scopes', {
  meta: {
    severity: 'high',
    language: 'js',
    description: 'Over-broad OAuth scopes, wildcard or missing required scopes, echoed scope grants, and admin-level bot or IAM permissions',
    cwe: ['CWE-250', 'CWE-272'],
    owasp: ['MCP02'],
    keywords: [
      'scope',
      'permission',
      'requirebearerauth',
      'roles/',
      'arn:aws:iam',
      // an IAM action counts only beside a statement key (IAM_STATEMENT_KEYS)
      ...['effect', 'resource', 'principal'].map((key) => ({ all: ['action', key] })),
    ],
    messages: {
      broadScope:
        'Broad {{provider}} {{kind}} `{{scope}}`: {{why}}. Narrower: {{narrower}} ({{docs}}).',
      offlineScope:
        '`{{scope}}` ({{provider}}) {{why}}. Ask for it only if the server works in the background, and then keep access tokens short-lived (minutes) and rotate and revoke refresh tokens ({{docs}}).',
      discordPermissions:
        'Discord bot permissions `{{value}}` include {{bits}}. Request only the bits the bot uses, e.g. VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY ({{minimal}}) ({{docs}}).',
      grantsRequestedScopes:
        'The grant copies the scopes the client asked for (`{{expr}}`), so the server issues whatever is requested, `*` included. Intersect the request with the scopes this client and user may have, defaulting to a minimal scope.',
      noRequiredScopes:
        '`requireBearerAuth` {{what}} while this server registers write tools (`{{tool}}`): any valid token can call them. Set `requiredScopes` to a minimal baseline (e.g. `mcp:read`) and check a write scope in each write tool.',
      readScopeGuardsWrite:
        'Write tool `{{tool}}` is guarded only by the read scope `{{scope}}`: a read-only token can change data. Check a write scope (e.g. `{{suggest}}`) before acting.',
    },
  },
  create(ctx) {
    const sourceCode = ctx.eslint.sourceCode;
    const ast = sourceCode.ast as unknown as TSESTree.Program;
    const index = moduleIndex(ast);
    // The catalog's own tests and rule tests spell broad scopes on purpose.
    if (index.importSources.some((s) => /(?:tables\/oauth-scopes|rules\/no-broad-oauth-scopes)(?:\.[jt]s)?$/.test(s))) return {};

    const textOf = (n: Node): string => sourceCode.text.slice(n.range[0], n.range[1]);
    const fileProviders = providersIn(index.importSources.join(' '));
    const pieces = new Map<string, Piece>();

    /** The statement around a node (a strategy constructor, a redirect, a declaration): its text names providers. */
    const contextProviders = (node: Node, extra = ''): Set<ScopeProvider> => {
      let stmt = node;
      while (stmt.parent && !['Program', 'BlockStatement', 'StaticBlock', 'SwitchCase'].includes(stmt.parent.type)) stmt = stmt.parent;
      // The statement and its neighbours: `const params = …scope…` is often followed by the authorize URL.
      const block = stmt.parent as { body?: Node[]; consequent?: Node[] } | undefined;
      const siblings = block?.body ?? block?.consequent ?? [stmt];
      const at = siblings.indexOf(stmt);
      const near = siblings.slice(Math.max(0, at - 3), at + 4).map(textOf).join(' ');
      const out = providersIn(`${near} ${extra}`);
      for (const p of fileProviders) out.add(p);
      return out;
    };

    const literalSource = (n: TSESTree.Literal & { value: string }): Source => {
      const verbatim = sourceCode.text.slice(n.range[0] + 1, n.range[1] - 1) === n.value;
      return { node: n, text: n.value, start: verbatim ? n.range[0] + 1 : null };
    };

    /** Every string literal an expression's scope text is built from, following same-file constants. */
    const sourcesOf = (expr: Node | null | undefined, depth = 0): Source[] => {
      if (!expr || depth > 6) return [];
      const n = unwrap(expr);
      const next = (e: Node | null | undefined) => sourcesOf(e, depth + 1);
      switch (n.type) {
        case 'Literal':
          return typeof n.value === 'string' ? [literalSource(n as TSESTree.Literal & { value: string })] : [];
        case 'TemplateLiteral':
          return [
            ...n.quasis.map((q) => ({ node: q, text: q.value.cooked ?? q.value.raw, start: q.value.cooked === q.value.raw ? q.range[0] + 1 : null })),
            ...n.expressions.flatMap(next),
          ];
        case 'ArrayExpression':
          return n.elements.flatMap((e) => (e?.type === 'SpreadElement' ? next(e.argument) : next(e)));
        case 'Identifier': {
          const init = index.values.get(n.name);
          return init ? next(init) : [];
        }
        case 'BinaryExpression':
          return n.operator === '+' ? [...next(n.left), ...next(n.right)] : [];
        case 'LogicalExpression':
          return [...next(n.left), ...next(n.right)];
        case 'ConditionalExpression':
          return [...next(n.consequent), ...next(n.alternate)];
        case 'NewExpression':
          return calleeName(n.callee) === 'Set' ? next(n.arguments[0]) : [];
        case 'CallExpression': {
          const path = memberPath(n.callee)?.join('.');
          if (path === 'Object.keys' || path === 'Object.values') {
            const obj = n.arguments[0] && n.arguments[0].type !== 'SpreadElement' ? unwrap(n.arguments[0]) : null;
            const target = obj?.type === 'Identifier' ? index.values.get(obj.name) : obj;
            const o = target ? unwrap(target) : null;
            if (o?.type !== 'ObjectExpression') return [];
            return o.properties.flatMap((p) => {
              if (p.type !== 'Property') return [];
              if (path === 'Object.values') return next(p.value);
              if (p.key.type === 'Identifier' && !p.computed) return [{ node: p.key, text: p.key.name, start: p.key.range[0] }];
              return p.key.type === 'Literal' && typeof p.key.value === 'string' ? [literalSource(p.key as TSESTree.Literal & { value: string })] : [];
            });
          }
          if (n.callee.type === 'Identifier' && ['encodeURIComponent', 'encodeURI', 'String'].includes(n.callee.name)) return next(n.arguments[0]);
          if (n.callee.type === 'MemberExpression') {
            const method = calleeName(n.callee);
            if (method === 'concat') return [...next(n.callee.object), ...n.arguments.flatMap(next)];
            if (method && ['join', 'split', 'trim', 'toString', 'toLowerCase'].includes(method)) return next(n.callee.object);
          }
          return [];
        }
        default:
          return [];
      }
    };

    const addSources = (sources: Source[], field: ScopeField, providers: Set<ScopeProvider>) => {
      for (const s of sources) {
        const key = `${s.node.range[0]}:${s.start ?? ''}:${field}`;
        const seen = pieces.get(key);
        if (seen) for (const p of providers) seen.providers.add(p);
        else pieces.set(key, { ...s, field, providers: new Set(providers) });
      }
    };

    /** `scope=` (and Discord `permissions=`) inside a URL string, or a URL built by `+` or a template. */
    const scanUrl = (source: Source, node: Node, after: Node | null) => {
      const providers = contextProviders(node, source.text);
      for (const m of source.text.matchAll(URL_SCOPE_PARAM)) {
        const offset = m.index + m[0].length - m[1].length;
        if (m[1]) {
          addSources([{ node: source.node, text: m[1], start: source.start === null ? null : source.start + offset }], 'scope', providers);
        } else if (offset === source.text.length && after) {
          addSources(sourcesOf(after), 'scope', providers);
        }
      }
      if (!providers.has('discord')) return;
      for (const m of source.text.matchAll(URL_DISCORD_PERMISSIONS)) {
        const offset = m.index + m[0].length - m[1].length;
        const loc = source.start === null ? source.node.loc : locOf(source.start + offset, m[1].length);
        reportDiscord(dangerousDiscordBits(m[1]), m[1], loc);
      }
    };

    const locOf = (start: number, length: number) => ({
      start: sourceCode.getLocFromIndex(start),
      end: sourceCode.getLocFromIndex(start + length),
    });

    const reportDiscord = (bits: DiscordPermissionBit[], value: string, loc: TSESTree.SourceLocation) => {
      if (bits.length === 0) return;
      const worst = bits.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
      ctx.report({
        loc,
        messageId: 'discordPermissions',
        data: {
          value,
          bits: bits.map((b) => (b.name === 'ADMINISTRATOR' ? 'ADMINISTRATOR (0x8: every permission, bypassing channel overwrites)' : b.name)).join(', '),
          minimal: String(DISCORD_MINIMAL_PERMISSIONS),
          docs: DISCORD_DOCS_URL,
        },
        severity: worst.severity,
      });
    };

    /** Bits of a Discord permission value: numbers, bigints, decimal strings, `PermissionFlagsBits.X`, `|` and arrays. */
    const discordBits = (expr: Node, depth = 0): DiscordPermissionBit[] => {
      const n = unwrap(expr);
      if (depth > 4) return [];
      if (n.type === 'Literal') {
        if (typeof n.value === 'number' || typeof n.value === 'bigint' || typeof n.value === 'string') return dangerousDiscordBits(n.value);
        return [];
      }
      if (n.type === 'Identifier') {
        const init = index.values.get(n.name);
        return init ? discordBits(init, depth + 1) : [];
      }
      if (n.type === 'ArrayExpression') return n.elements.flatMap((e) => (e && e.type !== 'SpreadElement' ? discordBits(e, depth + 1) : []));
      if (n.type === 'BinaryExpression' && n.operator === '|') return [...discordBits(n.left, depth + 1), ...discordBits(n.right, depth + 1)];
      if (n.type === 'MemberExpression') {
        const flag = propertyKeyName(n.property, n.computed);
        return DISCORD_PERMISSION_BITS.filter((b) => b.flag === flag);
      }
      return [];
    };

    /** A scope-named variable used only in membership tests (`REQUIRED.includes(s)`) is a check, not a request. */
    const onlyChecked = (declarator: TSESTree.VariableDeclarator): boolean => {
      const refs = sourceCode.getDeclaredVariables(declarator as never).flatMap((v) => v.references.filter((r) => !r.init));
      if (refs.length === 0) return false;
      return refs.every((r) => {
        const id = r.identifier as unknown as Node;
        const parent = id.parent;
        if (parent?.type === 'BinaryExpression') return ['===', '!==', '==', '!=', 'in'].includes(parent.operator);
        if (parent?.type === 'CallExpression') return MEMBERSHIP_METHODS.includes(calleeName(parent.callee) ?? '');
        if (parent?.type === 'MemberExpression' && parent.object === id && parent.parent?.type === 'CallExpression') {
          return [...MEMBERSHIP_METHODS, 'filter'].includes(calleeName(parent) ?? '');
        }
        return false;
      });
    };

    /** `oauthReqInfo.scope`, `req.query.scope` (through `.split`/`.join`): the scopes the client asked for. */
    const requestedScopes = (node: Node): string | null => {
      let value = unwrap(node);
      while (value.type === 'CallExpression' && value.callee.type === 'MemberExpression' && ['split', 'join'].includes(calleeName(value.callee) ?? '')) {
        value = unwrap(value.callee.object);
      }
      const path = value.type === 'MemberExpression' ? memberPath(value) : null;
      return path && isScopeName(path[path.length - 1]) && path.slice(0, -1).some((p) => REQUEST_PART.test(p)) ? path.join('.') : null;
    };

    /**
     * Request scopes the file replaces with its own before granting (`oauthReqInfo.scope = Object.keys(SCOPES)` in the
     * authorize handler, the request info stored and read back in the callback): the grant echoes the server's choice.
     */
    const replacedScopes = new Set<string>();

    /**
     * Scopes a server advertises (`scopes_supported` in its metadata). A wildcard there is still broad, but offering
     * `offline_access` asks for nothing: the advice about requesting refresh tokens is for clients.
     */
    const offered = new Set<Node>();
    const echoes: Array<{ node: Node; expr: string }> = [];

    /** `scope: oauthReqInfo.scope` passed to a grant/token call; judged at the end, once every replacement is known. */
    const checkEcho = (prop: TSESTree.Property) => {
      const expr = requestedScopes(prop.value);
      const call = prop.parent.parent;
      if (expr && call?.type === 'CallExpression' && GRANT_CALL.test(calleeName(call.callee) ?? '')) echoes.push({ node: prop.value, expr });
    };

    const property = (prop: TSESTree.Property) => {
      const name = propertyKeyName(prop.key, prop.computed);
      if (!name || prop.parent.type !== 'ObjectExpression') return; // not destructuring
      if (isScopeName(name) && isAuthInfo(prop.parent)) return;
      if (isScopeName(name)) {
        const sources = sourcesOf(prop.value);
        addSources(sources, 'scope', contextProviders(prop));
        if (name.toLowerCase().replace(/[_-]/g, '') === 'scopessupported') for (const s of sources) offered.add(s.node);
        checkEcho(prop);
      } else if (name === 'permissions' && contextProviders(prop).has('discord')) {
        const value = unwrap(prop.value);
        reportDiscord(discordBits(value), textOf(value), prop.value.loc);
      } else if (IAM_ROLE_KEYS.has(name)) {
        addSources(sourcesOf(prop.value), 'iam-role', new Set());
      } else if (IAM_ACTION_KEYS.has(name)) {
        const siblings = prop.parent.type === 'ObjectExpression' ? prop.parent.properties : [];
        const isStatement = siblings.some((p) => p.type === 'Property' && IAM_STATEMENT_KEYS.has(propertyKeyName(p.key, p.computed) ?? ''));
        if (isStatement) addSources(sourcesOf(prop.value), 'iam-action', new Set());
      }
    };

    /** Tools that change data, their handlers' scope checks, and `requireBearerAuth` calls: judged at the end. */
    const bearerCalls: TSESTree.CallExpression[] = [];

    const scopeChecksIn = (reg: ToolRegistration): TSESTree.Literal[] => {
      const out: TSESTree.Literal[] = [];
      const roots: Node[] = reg.caseBody ?? (reg.handler ? [reg.handler] : []);
      for (const root of roots) {
        walk(root, (n) => {
          if (n.type !== 'CallExpression') return;
          const method = calleeName(n.callee) ?? '';
          const onScopes = n.callee.type === 'MemberExpression' && /scope/i.test(textOf(n.callee.object));
          if (!(onScopes && MEMBERSHIP_METHODS.includes(method)) && !/scope/i.test(method)) return;
          for (const a of n.arguments) if (a.type === 'Literal' && typeof a.value === 'string') out.push(a);
        });
      }
      return out;
    };

    const judgeTools = () => {
      const writeTools = getToolRegistrations(sourceCode, ctx.eslint.physicalFilename ?? ctx.eslint.filename).filter(isWriteTool);
      let unchecked: ToolRegistration | null = null;
      for (const reg of writeTools) {
        const checks = scopeChecksIn(reg);
        if (checks.length === 0) {
          unchecked ??= reg;
          continue;
        }
        if (checks.every((c) => READ_SCOPE.test(c.value as string))) {
          const scope = checks[0].value as string;
          ctx.report({
            node: checks[0],
            messageId: 'readScopeGuardsWrite',
            data: { tool: reg.name ?? '(unnamed)', scope, suggest: scope.replace(/(read_only|readonly|read|viewer|view)$|^read(?=[:_])/i, 'write') },
          });
        }
      }
      if (!unchecked) return;
      for (const call of bearerCalls) {
        const options = call.arguments[0] ? unwrap(call.arguments[0]) : null;
        const required = options?.type === 'ObjectExpression'
          ? options.properties.find((p) => p.type === 'Property' && propertyKeyName(p.key, p.computed) === 'requiredScopes')
          : undefined;
        if (options?.type !== 'ObjectExpression') continue; // options built elsewhere: unknown
        const value = required?.type === 'Property' ? unwrap(required.value) : null;
        if (required && !(value?.type === 'ArrayExpression' && value.elements.length === 0)) continue;
        ctx.report({
          node: required ?? call.callee,
          messageId: 'noRequiredScopes',
          data: { what: required ? 'has an empty `requiredScopes`' : 'has no `requiredScopes`', tool: unchecked.name ?? '(unnamed)' },
          severity: 'medium',
        });
      }
    };

    return {
      Property: property,
      VariableDeclarator(node) {
        if (node.id.type === 'Identifier' && isScopeName(node.id.name) && node.init && !onlyChecked(node)) {
          addSources(sourcesOf(node.init), 'scope', contextProviders(node));
        }
      },
      AssignmentExpression(node) {
        const left = node.left;
        const name = left.type === 'MemberExpression' ? propertyKeyName(left.property, left.computed) : left.type === 'Identifier' ? left.name : null;
        if (name && isScopeName(name)) addSources(sourcesOf(node.right), 'scope', contextProviders(node));
        const replaced = left.type === 'MemberExpression' ? requestedScopes(left) : null;
        if (replaced && !requestedScopes(node.right)) replacedScopes.add(replaced);
      },
      CallExpression(node) {
        const method = calleeName(node.callee);
        if (method === 'requireBearerAuth') bearerCalls.push(node);
        // url.searchParams.set('scope', …) / params.append('permissions', …)
        if ((method === 'set' || method === 'append') && node.arguments.length === 2) {
          const key = node.arguments[0].type === 'Literal' ? node.arguments[0].value : null;
          if (key === 'scope') addSources(sourcesOf(node.arguments[1]), 'scope', contextProviders(node));
          else if (key === 'permissions' && contextProviders(node).has('discord')) {
            reportDiscord(discordBits(node.arguments[1]), textOf(node.arguments[1]), node.arguments[1].loc);
          }
        }
      },
      Literal(node) {
        if (typeof node.value !== 'string' || !/scope=|permissions=/i.test(node.value)) return;
        const parent = node.parent;
        const after = parent?.type === 'BinaryExpression' && parent.operator === '+' && parent.left === node ? parent.right : null;
        scanUrl(literalSource(node as TSESTree.Literal & { value: string }), node, after);
      },
      TemplateLiteral(node) {
        node.quasis.forEach((q, i) => {
          const text = q.value.cooked ?? q.value.raw;
          if (!/scope=|permissions=/i.test(text)) return;
          const source = { node: q, text, start: q.value.cooked === q.value.raw ? q.range[0] + 1 : null };
          scanUrl(source, node, node.expressions[i] ?? null);
        });
      },
      'Program:exit'() {
        // Bare words that are broad scopes of one provider (`repo`, `project`, `user`, `api`) are ordinary words too
        // (`defaultScope: 'project'` is where a CLI installs): they count only in a file that does OAuth or imports the
        // provider's SDK.
        const oauthFile = fileProviders.size > 0 || OAUTH_EVIDENCE.test(sourceCode.text);
        for (const piece of pieces.values()) {
          for (const hit of findBroadScopes(piece.text, oauthFile ? piece.providers : new Set(), piece.field)) {
            const info = hit.entry.severity === 'info';
            if (info && offered.has(piece.node)) continue;
            ctx.report({
              loc: piece.start === null ? piece.node.loc : locOf(piece.start + hit.token.offset, hit.token.length),
              messageId: info ? 'offlineScope' : 'broadScope',
              data: {
                scope: hit.token.value,
                kind: FIELD_KIND[piece.field],
                provider: hit.providerName,
                why: hit.entry.why,
                narrower: hit.narrower,
                docs: hit.entry.docs,
              },
              severity: hit.entry.severity,
            });
          }
        }
        judgeTools();
        for (const { node, expr } of echoes) {
          if (!replacedScopes.has(expr)) ctx.report({ node, messageId: 'grantsRequestedScopes', data: { expr } });
        }
      },
    };
  },
});
