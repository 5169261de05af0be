import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import {
  classifyCredentialName,
  extractAuthSchemeCredential,
  isKnownNonSecret,
  looksLikeSchemeSecret,
  looksLikeSecretValue,
  scanForProviderSecrets,
  providerSecretTest,
  atWordStart,
  SECRET_FILE_KEYWORDS,
  type SecretHit,
} from '../src/rule-kit/secrets.js';
import { WHEREVER_COMMITTED } from '../src/rule-kit/file-class.js';
import { maskSecret } from '../src/rule-kit/mask.js';
import { quotedValues } from '../src/rule-kit/quoted.js';

type Node = TSESTree.Node;

/** Expressions a literal can sit inside and still be "the value" of its target (`process.env.X ?? 'lit'`, `'lit' as string`). */
const TRANSPARENT = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'LogicalExpression',
  'ConditionalExpression',
  'AwaitExpression',
]);

/** Calls whose argument at `index` is a key or credential: `jwt.sign(payload, 'secret')`, `createHmac('sha256', key)`. */
const CREDENTIAL_ARGUMENTS: Array<{ method: RegExp; index: number; name: string }> = [
  { method: /^(sign|verify)$/, index: 1, name: 'jwtSecret' },
  { method: /^createHmac$/, index: 1, name: 'hmacKey' },
  { method: /^(setApiKey|setToken|setAccessToken|setPassword|setSecret|setAuth)$/, index: 0, name: 'apiKey' },
];

/** Comments that declare a key public: `// search-only (public) key`, `// publishable key`, `# not a secret`. */
const PUBLIC_KEY_NOTE = /\b(?:public|publishable)\s+(?:api\s+)?key\b|\bsearch[- ]only\b|\bnot\s+a\s+secret\b|\bsafe\s+to\s+(?:commit|expose|share|publish)\b|\(public\)|\bis\s+public\b/i;

/** Header-setting calls whose first argument names the header: `headers.set('Authorization', 'Bearer …')`. */
const HEADER_SETTERS = /^(set|append|setHeader|header)$/;

function propertyName(key: Node, computed: boolean): string | null {
  if (key.type === 'Identifier' && !computed) return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  if (key.type === 'PrivateIdentifier') return key.name;
  return null;
}

function calleeName(callee: Node): string | null {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') return propertyName(callee.property, callee.computed);
  return null;
}

/** The identifier, property or header a literal is assigned to, if any. */
export function targetName(node: Node): string | null {
  let child: Node = node;
  let parent = node.parent;
  while (parent && TRANSPARENT.has(parent.type)) {
    if (parent.type === 'LogicalExpression' && parent.left === child) return null; // `'lit' || x`: lit is not the value
    if (parent.type === 'ConditionalExpression' && parent.test === child) return null;
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return null;
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.init === child && parent.id.type === 'Identifier' ? parent.id.name : null;
    case 'Property':
      return parent.value === child ? propertyName(parent.key, parent.computed) : null;
    case 'PropertyDefinition':
      return parent.value === child ? propertyName(parent.key, parent.computed) : null;
    case 'AssignmentExpression':
      if (parent.right !== child) return null;
      if (parent.left.type === 'Identifier') return parent.left.name;
      if (parent.left.type === 'MemberExpression') return propertyName(parent.left.property, parent.left.computed);
      return null;
    case 'AssignmentPattern':
      if (parent.right !== child) return null;
      if (parent.left.type === 'Identifier') return parent.left.name;
      return parent.parent?.type === 'Property' ? propertyName(parent.parent.key, parent.parent.computed) : null;
    case 'CallExpression':
    case 'NewExpression': {
      const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
      const method = calleeName(parent.callee);
      if (index < 0 || !method) return null;
      const first = parent.arguments[0];
      if (index === 1 && HEADER_SETTERS.test(method) && first?.type === 'Literal' && typeof first.value === 'string') {
        return first.value;
      }
      return CREDENTIAL_ARGUMENTS.find((c) => c.index === index && c.method.test(method))?.name ?? null;
    }
    default:
      return null;
  }
}

/** Identifiers as written (escapes aside): the names a file can assign a literal to. */
const IDENTIFIER = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu;
/** Substrings a name needs for classifyCredentialName to see a credential in it. */
const CREDENTIAL_NAME_PARTS = ['pass', 'pwd', 'secret', 'token', 'cred', 'bearer', 'authorization', 'auth', 'pat', 'key'];

/** The kinds of credential names (classifyCredentialName) among `names`, and the names calls give their arguments. */
function credentialKinds(names: Iterable<string>): Set<'password' | 'secret'> {
  const kinds = new Set<'password' | 'secret'>();
  for (const name of names) {
    const lower = name.toLowerCase();
    if (CREDENTIAL_NAME_PARTS.some((p) => lower.includes(p))) {
      const kind = classifyCredentialName(name);
      if (kind) kinds.add(kind);
    }
    for (const c of CREDENTIAL_ARGUMENTS) {
      const kind = c.method.test(name) ? classifyCredentialName(c.name) : null;
      if (kind) kinds.add(kind);
    }
  }
  return kinds;
}

/**
 * The rule's text gate: a quoted value it could report, judged as `check` judges it with every name the file spells
 * as a possible target. Most files of a project mention tokens and keys; few hold a literal that looks like one.
 */
export function mayHoldSecret(text: string): boolean {
  const quoted = quotedValues(text);
  let names: Set<string> | undefined;
  let kinds: Set<'password' | 'secret'> | undefined;
  let provider: ((value: string) => boolean) | undefined;
  for (const value of quoted) {
    if (value.length < 6) continue;
    if ((provider ??= providerSecretTest(text))(value)) return true;
    const scheme = extractAuthSchemeCredential(value);
    if (scheme) {
      if (!isKnownNonSecret(scheme.credential) && looksLikeSchemeSecret(scheme.scheme, scheme.credential)) return true;
      continue;
    }
    // a password-named target takes more values than a secret-named one
    if (isKnownNonSecret(value) || !looksLikeSecretValue(value, 'password')) continue;
    names ??= new Set([...text.matchAll(IDENTIFIER)].map((m) => m[0]).concat(quoted));
    kinds ??= credentialKinds(names);
    if (kinds.has('password') || (kinds.has('secret') && looksLikeSecretValue(value, 'secret'))) return true;
  }
  return false;
}

export default createRule('no-hardcoded-secrets', {
  meta: {
    severity: 'high',
    language: 'js',
    description: 'Secrets (provider API keys, tokens, passwords, private keys) hardcoded in source code',
    cwe: ['CWE-798'],
    owasp: ['MCP01'],
    // `sign`/`verify`: jwt.sign(payload, 'literal') is a credential position with no credential word in the file
    // (a call named exactly `sign`, so never the `sign` of `Object.assign` or `design`).
    keywords: [...SECRET_FILE_KEYWORDS, ...atWordStart('sign'), 'verify'],
    textGate: mayHoldSecret,
    messages: {
      provider:
        'Hardcoded {{provider}} {{title}}{{where}} ({{evidence}}). Anyone with the source can use it: move it to an environment variable or a secret manager, and revoke it{{rotate}}.',
      credential:
        'Hardcoded credential in `{{name}}` ({{evidence}}). Read it at run time from process.env or a secret manager, and rotate it.',
      authScheme:
        'Hardcoded `{{scheme}}` credential{{where}} ({{evidence}}). Build the header from a secret read at run time (process.env or a secret manager), and rotate it.',
    },
  },
  create(ctx) {
    const sourceCode = ctx.eslint.sourceCode;

    /** Location of `offset..offset+length` inside the literal's value, when the source spells the value verbatim. */
    const locWithin = (node: Node, value: string, offset: number, length: number) => {
      const raw = sourceCode.text.slice(node.range[0] + 1, node.range[1] - 1);
      if (raw !== value) return node.loc;
      const start = node.range[0] + 1 + offset;
      return { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(start + length) };
    };

    const reportHit = (node: Node, value: string, hit: SecretHit, name: string | null) => {
      ctx.report({
        loc: locWithin(node, value, hit.start, hit.end - hit.start),
        messageId: 'provider',
        data: {
          provider: hit.provider,
          title: hit.title,
          where: name ? ` in \`${name}\`` : '',
          evidence: hit.evidence,
          rotate: hit.rotateUrl ? ` (${hit.rotateUrl})` : '',
        },
        severity: hit.severity,
        evidence: hit.evidence,
        secret: hit.secret,
        alsoIn: WHEREVER_COMMITTED,
      });
    };

    const check = (node: TSESTree.Literal | TSESTree.TemplateLiteral, value: string) => {
      if (value.length < 6) return;
      const parent = node.parent;
      if (parent?.type === 'ImportDeclaration' || parent?.type === 'ExportAllDeclaration' || parent?.type === 'ExportNamedDeclaration') return;
      if (parent?.type === 'Property' && parent.key === node) return;
      const name = targetName(node);

      const hits = scanForProviderSecrets(value, name ?? undefined);
      if (hits.length > 0) {
        for (const hit of hits) reportHit(node, value, hit, name);
        return;
      }

      const scheme = extractAuthSchemeCredential(value);
      if (scheme) {
        if (!isKnownNonSecret(scheme.credential) && looksLikeSchemeSecret(scheme.scheme, scheme.credential)) {
          const evidence = `${scheme.scheme} ${maskSecret(scheme.credential)}`;
          ctx.report({
            loc: locWithin(node, value, scheme.offset, scheme.credential.length),
            messageId: 'authScheme',
            data: { scheme: scheme.scheme, where: name ? ` in \`${name}\`` : '', evidence },
            evidence,
            secret: scheme.credential,
          });
        }
        return;
      }

      const kind = name ? classifyCredentialName(name) : null;
      if (kind && !isKnownNonSecret(value) && looksLikeSecretValue(value, kind, name!) && !declaredPublic(node)) {
        const evidence = maskSecret(value);
        ctx.report({
          node,
          messageId: 'credential',
          data: { name: name!, evidence },
          evidence,
          secret: value,
        });
      }
    };

    /**
     * A comment on the literal's line, or on the line above, saying the key is meant to be public (a search-only or
     * publishable key that ships in client code): the author's own statement, which a reviewer would take.
     */
    const declaredPublic = (node: Node): boolean => {
      const line = node.loc.start.line;
      return sourceCode
        .getAllComments()
        .some((c) => !!c.loc && (c.loc.start.line === line || c.loc.end.line === line - 1) && PUBLIC_KEY_NOTE.test(c.value));
    };

    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateLiteral(node) {
        if (node.expressions.length === 0) {
          const q = node.quasis[0];
          check(node, q.value.cooked ?? q.value.raw);
        }
      },
    };
  },
});
