import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import {
  atWordStart,
  classifyCredentialName,
  extractAuthSchemeCredential,
  isKnownNonSecret,
  looksLikeSchemeSecret,
  looksLikeSecretValue,
  providerSecretTest,
  PUBLIC_KEY_NOTE,
  SECRET_FILE_KEYWORDS,
  secretsInLiteral,
  type SecretHit,
} from '../src/rule-kit/secrets.js';
import { quotedValues } from '../src/rule-kit/quoted.js';
import { WHEREVER_COMMITTED } from '../src/rule-kit/file-class.js';

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

/** Substrings a name needs for classifyCredentialName to see a credential in it (lowercase). */
const CREDENTIAL_PARTS = ['pass', 'pwd', 'secret', 'token', 'cred', 'bearer', 'auth', 'pat', 'key'];
const CREDENTIAL_PART = new RegExp(CREDENTIAL_PARTS.join('|'), 'i');
/** Calls whose argument the rule names itself (CREDENTIAL_ARGUMENTS), as identifiers in the text. */
const CREDENTIAL_CALLS = new RegExp(`(?<![\\p{ID_Continue}$])(?:${CREDENTIAL_ARGUMENTS.map((c) => c.method.source.replace(/^\^|\$$/g, '')).join('|')})(?![\\p{ID_Continue}$])`, 'u');
const ID_CHAR = /[\p{ID_Continue}$\u200c\u200d]/u;
const isIdChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || (c > 127 && ID_CHAR.test(String.fromCharCode(c)));

/** The identifiers around each occurrence of a credential part: every name in the file that can be credential-named. */
function credentialishNames(text: string): Set<string> {
  const lower = text.toLowerCase();
  const names = new Set<string>();
  for (const part of CREDENTIAL_PARTS) {
    for (let at = lower.indexOf(part); at !== -1; at = lower.indexOf(part, at + 1)) {
      let start = at;
      let end = at + part.length;
      while (start > 0 && isIdChar(text.charCodeAt(start - 1))) start--;
      while (end < text.length && isIdChar(text.charCodeAt(end))) end++;
      names.add(text.slice(start, end));
      at = end - 1;
    }
  }
  return names;
}

/** The kinds of credential names (classifyCredentialName) the file spells: identifiers, keys and header names. */
function credentialKinds(text: string, quoted: string[]): Set<'password' | 'secret'> {
  const kinds = new Set<'password' | 'secret'>();
  const names = credentialishNames(text);
  for (const q of quoted) if (CREDENTIAL_PART.test(q)) names.add(q);
  if (CREDENTIAL_CALLS.test(text)) for (const c of CREDENTIAL_ARGUMENTS) names.add(c.name);
  for (const name of names) {
    let kind = kindOfName.get(name);
    if (kind === undefined) {
      if (kindOfName.size > 100_000) kindOfName.clear();
      kindOfName.set(name, (kind = classifyCredentialName(name)));
    }
    if (kind) kinds.add(kind);
    if (kinds.size === 2) break;
  }
  return kinds;
}

/** classifyCredentialName per name, kept across files (the same names come back in every file of a project). */
const kindOfName = new Map<string, 'password' | 'secret' | null>();

/**
 * The rule's text gate: a quoted value it could report, judged as `check` judges it, with every name the file spells
 * as its possible target.
 */
export function mayHoldSecret(text: string): boolean {
  const quoted = quotedValues(text);
  let provider: ((value: string) => boolean) | undefined;
  let kinds: Set<'password' | 'secret'> | undefined;
  for (const value of quoted) {
    if (value.length < 6) continue;
    if ((provider ??= providerSecretTest(text))(value)) return true;
    const scheme = extractAuthSchemeCredential(value);
    if (scheme) {
      if (!isKnownNonSecret(scheme.credential) && looksLikeSchemeSecret(scheme.scheme, scheme.credential)) return true;
      continue;
    }
    if (/\s/.test(value)) continue; // no credential-named target takes whitespace
    kinds ??= credentialKinds(text, quoted);
    // a password-named target takes what a secret-named one takes, and more (from six characters)
    const kind = kinds.has('password') ? 'password' : kinds.has('secret') ? 'secret' : null;
    if (kind === null) continue;
    if (value.length < (kind === 'password' ? 6 : 12)) continue;
    if (!isKnownNonSecret(value) && looksLikeSecretValue(value, kind)) return true;
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
        alsoIn: hit.chosenByPerson ? undefined : WHEREVER_COMMITTED,
      });
    };

    const check = (node: TSESTree.Literal | TSESTree.TemplateLiteral, value: string) => {
      if (value.length < 6) return;
      const parent = node.parent;
      if (parent?.type === 'ImportDeclaration' || parent?.type === 'ExportAllDeclaration' || parent?.type === 'ExportNamedDeclaration') return;
      if (parent?.type === 'Property' && parent.key === node) return;
      const name = targetName(node);
      const where = name ? ` in \`${name}\`` : '';
      for (const s of secretsInLiteral(value, name, () => declaredPublic(node))) {
        if (s.kind === 'provider') reportHit(node, value, s.hit, name);
        else if (s.kind === 'authScheme') {
          ctx.report({
            loc: locWithin(node, value, s.offset, s.credential.length),
            messageId: 'authScheme',
            data: { scheme: s.scheme, where, evidence: s.evidence },
            evidence: s.evidence,
            secret: s.credential,
          });
        } else {
          ctx.report({ node, messageId: 'credential', data: { name: name!, evidence: s.evidence }, evidence: s.evidence, secret: value });
        }
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
