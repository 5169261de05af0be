// Which Python values hold credentials: secret-named variables, attributes and keys (the shared name tables), the
// inbound Authorization/Cookie/API-key headers, whole header bags, the whole environment, access tokens, and dicts
// built with a credential in them. Shared by the logging, tool-result, passthrough and compare rules.
import { isSecretName, REDACTION_CALL } from '../../rule-kit/tables/auth-primitives.js';
import { isCredentialHeader } from '../../rule-kit/tables/identity-headers.js';
import { calleeName, child, memberPath, positionalArgs, stringValue, unwrap, walk, type PyNode } from '../tree.js';
import { localAssignments } from './scope.js';
import { headerRead, isHeaderBag } from './sources.js';

export interface SecretOrigin {
  /** What it is, for messages: `token`, `the Authorization header`, `request headers`, `the environment`. */
  label: string;
  node: PyNode;
}

/**
 * Protocol bookkeeping named like a token (`page_token`, `nextPageToken`, `progressToken`), and values read out of
 * one (`email_from_token`): not a credential.
 */
const NOT_SECRET = /(page|next|continuation|cancellation|sync|progress|resume|cursor)_?token$|_(from|in|of)_(token|secret)$/i;

const credentialName = (name: string) => isSecretName(name) && !NOT_SECRET.test(name);

/** Calls that hand back (a form of) their arguments: formatting, containers, constructors like `TextContent(…)`. */
const VALUE_CALLS = /^(str|repr|format|dumps|dict|list|tuple|set|join|encode|decode|b64encode|urlsafe_b64encode)$|^[A-Z]/;

/** Calls whose result says nothing secret about their argument (a length, a type, a digest, a yes/no). */
const OPAQUE_CALLS = /^(len|bool|type|isinstance|hasattr|hash|id|sha\d+|md5|blake2\w*|hexdigest|digest|startswith|endswith|count|keys|is_\w+|has_\w+)$/;

/** The whole environment: `os.environ`, `dict(os.environ)`, `os.environ.copy()`. */
function isWholeEnvironment(node: PyNode): boolean {
  const path = memberPath(node)?.join('.');
  return path === 'os.environ' || path === 'environ' || path === 'os.environ.copy()';
}

/** An identifier bound by a `for` loop (or comprehension) of its function. */
function loopVariable(id: PyNode): boolean {
  for (let p = id.parent; p; p = p.parent) {
    if (p.type === 'for_statement' || p.type === 'for_in_clause') {
      let bound = false;
      walk(child(p, 'left')!, (n) => {
        if (n.type === 'identifier' && n.text === id.text) bound = true;
      });
      if (bound) return true;
    }
    if (p.type === 'function_definition') {
      let bound = false;
      walk(p, (n) => {
        if ((n.type === 'for_statement' || n.type === 'for_in_clause') && child(n, 'left')?.type === 'identifier' && child(n, 'left')!.text === id.text) bound = true;
      });
      return bound;
    }
  }
  return false;
}

/** `os.getenv("X")`, `os.environ.get("X")`, `os.environ["X"]`. */
function isEnvRead(n: PyNode): boolean {
  if (n.type === 'subscript') return isWholeEnvironment(child(n, 'value')!);
  return /(^|\.)(getenv|environ\.get)$/.test(memberPath(child(n, 'function'))?.join('.') ?? '');
}

/** `{"client_secret": X, …}`, `dict(password=p)`: a container built with a credential in it. */
function holdsSecret(node: PyNode): boolean {
  if (node.type === 'dictionary') {
    return node.children.some((p) => p.type === 'pair' && credentialName(stringValue(child(p, 'key')) ?? '') && stringValue(child(p, 'value')) === null);
  }
  if (node.type === 'call' && calleeName(node) === 'dict') {
    return (child(node, 'arguments')?.children ?? []).some((a) => a.type === 'keyword_argument' && credentialName(child(a, 'name')?.text ?? ''));
  }
  return false;
}

/** The credential a single expression is, if any (not looking inside it). */
function secretOf(n: PyNode, depth: number): SecretOrigin | null {
  if (n.type === 'identifier') {
    // `for token in text.split(",")`: a lexical token, not a credential
    if (loopVariable(n)) return null;
    if (credentialName(n.text!)) return { label: n.text!, node: n };
    if (depth > 1) return null;
    // a variable that was given a credential as it is (`auth = request.headers.get("Authorization")`)
    for (const v of localAssignments(n)) {
      const inner = unwrap(v);
      if (!inner) continue;
      if (holdsSecret(inner)) return { label: `${n.text} (holds a credential)`, node: n };
      if (secretOf(inner, depth + 1)) return { label: n.text!, node: n };
    }
    return null;
  }
  if (n.type === 'attribute') {
    if (isWholeEnvironment(n)) return { label: 'the environment', node: n };
    if (isHeaderBag(n)) return { label: 'request headers', node: n };
    const last = child(n, 'attribute')?.text ?? '';
    return credentialName(last) ? { label: memberPath(n)?.join('.') ?? last, node: n } : null;
  }
  if (n.type === 'subscript' || n.type === 'call') {
    const header = headerRead(n);
    if (header !== null) return isCredentialHeader(header) ? { label: `the ${header} header`, node: n } : null;
  }
  if (n.type === 'subscript') {
    const key = stringValue(child(n, 'subscript'));
    return key && credentialName(key) ? { label: key, node: n } : null;
  }
  if (n.type === 'call') {
    const path = memberPath(child(n, 'function'))?.join('.') ?? '';
    if (/(^|\.)(getenv|environ\.get)$/.test(path)) {
      const name = stringValue(positionalArgs(n)[0]);
      return name && credentialName(name) ? { label: name, node: n } : null;
    }
    if (path === 'get_access_token') return { label: 'the access token', node: n };
    if (isHeaderBag(n)) return { label: 'request headers', node: n };
    if (/^(dict)$/.test(path) && positionalArgs(n)[0] && isWholeEnvironment(positionalArgs(n)[0])) return { label: 'the environment', node: n };
  }
  if (holdsSecret(n)) return { label: 'a dict holding a credential', node: n };
  return null;
}

/**
 * The first credential inside an expression (f-string parts, concatenations, call arguments, containers), skipping
 * what is redacted (`mask(token)`) or reduced to something harmless (`len(token)`, `token[:4]`).
 */
export function secretIn(expr: PyNode | null, depth = 0, asValue = false): SecretOrigin | null {
  if (!expr) return null;
  let found: SecretOrigin | null = null;
  walk(expr, (n) => {
    if (found) return false;
    if (n.type === 'call') {
      const name = calleeName(n) ?? '';
      // `str.strip()` trims whitespace; every other redaction-named call hides its input
      if ((REDACTION_CALL.test(name) && !/^[lr]?strip$/.test(name)) || OPAQUE_CALLS.test(name)) return false;
    }
    // `token is not None`, `a == b`: a yes/no, not the value
    if (n.type === 'comparison_operator' || n.type === 'not_operator') return false;
    // `token[:8]` shows a prefix on purpose
    if (n.type === 'subscript' && child(n, 'subscript')?.type === 'slice') return false;
    // a read of one header or one environment variable is that value: a credential or not, never the whole bag
    if ((n.type === 'call' || n.type === 'subscript') && (headerRead(n) !== null || isEnvRead(n))) {
      found = secretOf(n, depth);
      return false;
    }
    if (n.type === 'keyword_argument') {
      const value = child(n, 'value');
      if (value) found = secretIn(value, depth, asValue);
      return false;
    }
    const origin = secretOf(n, depth);
    if (origin) {
      found = origin;
      return false;
    }
    if (n.type === 'attribute') return false;
    if (n.type === 'call') {
      // As a value (a tool's result), a call gives back its arguments only if it formats or wraps them:
      // `fetch(url, token)` returns the answer, not the token.
      if (asValue && !VALUE_CALLS.test(calleeName(n) ?? '')) return false;
      // the arguments, not the callee: `logger.info(x)` is not a secret because `logger` is not
      for (const a of child(n, 'arguments')?.children ?? []) if (!found) found = secretIn(a, depth, asValue);
      const fn = child(n, 'function');
      if (!found && fn?.type === 'attribute') found = secretIn(child(fn, 'object'), depth, asValue);
      return false;
    }
  });
  return found;
}
