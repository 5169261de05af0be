// no-hardcoded-secrets, Python: the same detection (src/rule-kit/secrets.ts) on Python's string literals, with the
// names Python assigns them to; plus keys derived from a literal (`SECRET_KEY = sha256(b"x").digest()`) and provider
// tokens left in comments.
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { maskSecret } from '../../src/rule-kit/mask.js';
import { WHEREVER_COMMITTED } from '../../src/rule-kit/file-class.js';
import {
  atWordStart,
  classifyCredentialName,
  extractAuthSchemeCredential,
  PUBLIC_KEY_NOTE,
  scanForProviderSecrets,
  SECRET_FILE_KEYWORDS,
  secretsInLiteral,
  type SecretHit,
} from '../../src/rule-kit/secrets.js';
import { child, calleeName, calleePath, locOf, nodesOf, positionalArgs, stringValue, unwrap, type PyLoc, type PyModule, type PyNode } from '../../src/python/tree.js';

type MessageId = 'provider' | 'pyCredential' | 'pyAuthScheme' | 'derivedKey';

/** Calls whose positional argument at `index` is a key: `jwt.encode(claims, "k")`, `hmac.new(b"k", msg)`. */
const CREDENTIAL_ARGUMENTS: Array<{ path: RegExp; index: number; name: string }> = [
  { path: /(^|\.)jwt\.(encode|decode)$|^(encode|decode)$/, index: 1, name: 'jwtSecret' },
  { path: /(^|\.)hmac\.(new|digest)$/, index: 0, name: 'hmacSecret' },
];

/** Calls whose second argument is the fallback of the environment variable named by the first. */
const ENV_DEFAULT = /^(os\.)?(getenv|environ\.get|environ\.setdefault)$/;

/** Hash and key-derivation calls: a literal through one of them is still a constant key. */
const KEY_DERIVATION = /^(md5|sha1|sha224|sha256|sha384|sha512|sha3_256|sha3_512|blake2b|blake2s|new|pbkdf2_hmac|scrypt|b64encode|urlsafe_b64encode)$/;
/** What is read off a digest object (`.digest()`, `.hexdigest()`), and encodings around it. */
const DIGEST_READS = new Set(['digest', 'hexdigest', 'encode', 'decode']);

/** Words that name a key by themselves once a value is derived from a literal (`"key": sha256(b"…")`). */
const KEY_WORDS = /^(key|secret|salt)$/i;

/** The node that takes a literal as its value, past expressions it may sit in (`x or "lit"`, `a if c else "lit"`). */
function valueParent(node: PyNode): { parent: PyNode; value: PyNode } | null {
  let n = node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (p.type === 'parenthesized_expression' || p.type === 'await') continue;
    if (p.type === 'boolean_operator') {
      if (child(p, 'left') === n) return null; // `"lit" or x`: the literal is not the value
      continue;
    }
    if (p.type === 'conditional_expression') {
      if (p.children[1] === n) return null; // the condition of `a if cond else b`
      continue;
    }
    return { parent: p, value: n };
  }
  return null;
}

/** A subscript's key when it is a string: `config["api_key"]`, `headers["Authorization"]`. */
function subscriptKey(node: PyNode): string | null {
  return node.type === 'subscript' ? stringValue(child(node, 'subscript')) : null;
}

/** The name a target of an assignment gives its value: `x`, `self.api_key`, `config["api_key"]`. */
function targetNameOf(target: PyNode | null): string | null {
  const t = unwrap(target);
  if (!t) return null;
  if (t.type === 'identifier') return t.text!;
  if (t.type === 'attribute') return child(t, 'attribute')?.text ?? null;
  return subscriptKey(t);
}

/** The identifier, attribute, key, keyword or parameter a value is given to, if any. */
export function pythonTargetName(node: PyNode): string | null {
  const at = valueParent(node);
  if (!at) return null;
  const { parent, value } = at;
  switch (parent.type) {
    case 'assignment':
      return child(parent, 'right') === value ? targetNameOf(child(parent, 'left')) : null;
    case 'pair':
      return child(parent, 'value') === value ? stringValue(child(parent, 'key')) : null;
    case 'keyword_argument':
    case 'default_parameter':
    case 'typed_default_parameter':
      return child(parent, 'value') === value ? (child(parent, 'name')?.text ?? null) : null;
    case 'argument_list': {
      const call = parent.parent!;
      const path = calleePath(call)?.join('.') ?? '';
      const args = positionalArgs(call);
      const index = args.indexOf(value);
      if (index === 1 && ENV_DEFAULT.test(path)) return stringValue(args[0]);
      return CREDENTIAL_ARGUMENTS.find((c) => c.index === index && c.path.test(path))?.name ?? null;
    }
    default:
      return null;
  }
}

/**
 * For a literal hashed or derived into a value (`sha256(b"x").digest()`), the name that value is given, when it
 * names a key: the key is the same on every install, whatever the literal looks like.
 */
function derivedKeyName(literal: PyNode): string | null {
  const args = literal.parent;
  if (args?.type !== 'argument_list') return null;
  const call = args.parent!;
  if (!KEY_DERIVATION.test(calleeName(call) ?? '') || positionalArgs(call)[0] !== literal) return null;
  // `.digest()` / `.hexdigest()` / `.encode()` read off the result stay the same key
  let value: PyNode = call;
  for (;;) {
    const attr = value.parent;
    const outer = attr?.type === 'attribute' && attr.parent?.type === 'call' ? attr.parent : null;
    if (!outer || !DIGEST_READS.has(child(attr!, 'attribute')?.text ?? '')) break;
    value = outer;
  }
  const name = pythonTargetName(value);
  if (!name) return null;
  return classifyCredentialName(name) || KEY_WORDS.test(name) ? name : null;
}

export const noHardcodedSecretsPython: PythonImplementation<MessageId> = {
  // `jwt`/`hmac`: a key passed to jwt.encode or hmac.new with no credential word in the file.
  keywords: [...SECRET_FILE_KEYWORDS, ...atWordStart('jwt'), ...atWordStart('hmac')],
  messages: {
    pyCredential: 'Hardcoded credential in `{{name}}` ({{evidence}}). Read it at run time from os.environ or a secret manager, and rotate it.',
    pyAuthScheme:
      'Hardcoded `{{scheme}}` credential{{where}} ({{evidence}}). Build the header from a secret read at run time (os.environ or a secret manager), and rotate it.',
    derivedKey:
      '`{{name}}` is derived from a literal in the source ({{evidence}}): every copy of the code has the same key. Read the key (or its seed) from os.environ or a secret manager, and rotate it.',
  },
  create(ctx) {
    return {
      module(module: PyModule) {
        const reportHit = (loc: PyLoc, hit: SecretHit, where: string) => {
          ctx.report({
            loc,
            messageId: 'provider',
            data: { provider: hit.provider, title: hit.title, where, evidence: hit.evidence, rotate: hit.rotateUrl ? ` (${hit.rotateUrl})` : '' },
            severity: hit.severity,
            evidence: hit.evidence,
            secret: hit.secret,
            alsoIn: hit.chosenByPerson ? undefined : WHEREVER_COMMITTED,
          });
        };
        /** A `# public key` / `# search-only` note on the literal's line or the line above it. */
        const declaredPublic = (node: PyNode): boolean => {
          const line = locOf(module, node).start.line;
          return module.comments.some((c) => {
            const l = locOf(module, c).start.line;
            return (l === line || l === line - 1) && PUBLIC_KEY_NOTE.test(c.text ?? '');
          });
        };
        /** Location of characters of a literal's value, when the source spells the value verbatim. */
        const within = (node: PyNode, value: string, offset: number, length: number): PyLoc => {
          const whole = locOf(module, node);
          const content = node.children.filter((c) => c.type === 'string_content');
          if (content.length !== 1 || content[0].text !== value) return whole;
          const start = content[0].range[0] + offset;
          return locOf(module, { ...content[0], range: [start, start + length] });
        };

        for (const node of nodesOf(module, 'string', 'concatenated_string')) {
          if (node.parent?.type === 'concatenated_string') continue;
          const value = stringValue(node);
          if (value === null || value.length < 6) continue;
          if (node.parent?.type === 'pair' && child(node.parent, 'key') === node) continue;
          const name = pythonTargetName(node);

          const where = name ? ` in \`${name}\`` : '';
          const found = secretsInLiteral(value, name, () => declaredPublic(node));
          for (const s of found) {
            if (s.kind === 'provider') reportHit(within(node, value, s.hit.start, s.hit.end - s.hit.start), s.hit, where);
            else if (s.kind === 'authScheme') {
              ctx.report({
                loc: within(node, value, s.offset, s.credential.length),
                messageId: 'pyAuthScheme',
                data: { scheme: s.scheme, where, evidence: s.evidence },
                evidence: s.evidence,
                secret: s.credential,
              });
            } else ctx.report({ loc: locOf(module, node), messageId: 'pyCredential', data: { name: name!, evidence: s.evidence }, evidence: s.evidence, secret: value });
          }
          // a value an auth scheme introduces is judged as one, reported or not; only the rest may be a derived key
          if (found.length > 0 || extractAuthSchemeCredential(value)) continue;
          const derived = derivedKeyName(node);
          if (derived) {
            const evidence = `${calleeName(node.parent!.parent!)}(${maskSecret(value)})`;
            ctx.report({ loc: locOf(module, node), messageId: 'derivedKey', data: { name: derived, evidence }, evidence, secret: value });
          }
        }
        // A provider token in a comment is as public as one in code (commented-out test calls, pasted examples).
        for (const comment of module.comments) {
          for (const hit of scanForProviderSecrets(comment.text!)) {
            const start = comment.range[0] + hit.start;
            reportHit(locOf(module, { ...comment, range: [start, start + hit.secret.length] }), hit, ' in a comment');
          }
        }
      },
    };
  },
};
