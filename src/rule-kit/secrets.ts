import { maskSecret } from './mask.js';
import type { Severity } from './severity.js';
import { NON_SECRET_FORMATS, SECRET_PATTERNS, type SecretPattern } from './tables/secret-patterns.js';
import { BOOKKEEPING_TOKEN, NON_SECRET_NAME_WORDS } from './tables/auth-primitives.js';

export interface SecretHit {
  /** Catalog id, or 'generic-credential' for the name-based detection. */
  patternId: string;
  /** 'GitHub', or 'Generic'. */
  provider: string;
  title: string;
  /** The raw secret part: never print it. */
  secret: string;
  /** Offsets of the secret part within the scanned text. */
  start: number;
  end: number;
  severity: Severity;
  /** maskSecret(secret, publicPrefix). */
  evidence: string;
  /** Chosen by a person (see SecretPattern.chosenByPerson), not a generated, self-identifying format. */
  chosenByPerson?: boolean;
  rotateUrl?: string;
}

/** Words that make a name credential-like; also prefilter keywords (a file without any of them holds no such name). */
const PASSWORD_WORDS = ['password', 'passwd', 'passphrase', 'pwd', 'pass'];
const SECRET_WORDS = [
  'secret', 'token', 'credential', 'credentials', 'creds', 'bearer', 'authorization', 'apikey',
];
/**
 * Short words that name a credential only as a name's last word (`auth`, `npm_auth`, `GITHUB_PAT`; not `authMode`,
 * `patHistory`): so a file needs them followed by a non-alphanumeric character, never `author`, `path`, `pattern`.
 */
const LAST_WORDS = ['auth', 'pat'];
/** Two-word names that are credentials although neither word is on its own (`access_key`, `x-api-key`). */
const SECRET_KEY_QUALIFIERS = ['api', 'access', 'private', 'secret', 'signing', 'encryption', 'master', 'auth'];

/** Lowercase substrings: union of all catalog keywords + credential-name words; used by rule prefilters. */
export const SECRET_KEYWORDS: string[] = [
  ...new Set([
    ...SECRET_PATTERNS.flatMap((p) => p.keywords),
    ...PASSWORD_WORDS,
    ...SECRET_WORDS,
    ...LAST_WORDS,
    ...SECRET_KEY_QUALIFIERS.flatMap((q) => [`${q}key`, `${q}_key`, `${q}-key`]),
  ]),
];

const HEX_DIGITS = [...'0123456789abcdef'];
const ASCII = Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c));
/** Characters a `\b` sees before a word in lowercased text. */
const NON_WORD_ASCII = ASCII.filter((ch) => !/\w/.test(ch));
const WHITESPACE = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((ch) => /\s/.test(ch));
/**
 * `word` after every character that can stand before a name or a `\b` in lowercased source (non-word ASCII,
 * whitespace): keywords for short words that are common inside longer ones (`sign` in `assign`, `sk` in `task`).
 */
export const atWordStart = (word: string): string[] => [...NON_WORD_ASCII, ...WHITESPACE].map((c) => `${c}${word}`);
/**
 * Catalog entries whose keyword is a common substring ('sk' is in every `task`), replaced at file level by the
 * substrings their regex (or nameHint) cannot match without: each list is checked against the entry's examples.
 */
const FILE_LEVEL_KEYWORDS: Record<string, string[]> = {
  // \bSK[0-9a-f]{32}: `task`/`disk` put a letter before it (a non-ASCII letter glued to a SID is the one miss)
  'twilio-api-key': atWordStart('sk'),
  'mailgun-api-key': HEX_DIGITS.map((h) => `key-${h}`), // \bkey-[0-9a-f]{32}
  'mailchimp-api-key': HEX_DIGITS.slice(0, 10).map((d) => `-us${d}`), // [0-9a-f]{32}-us[0-9]
  'aws-secret-access-key': ['secret'], // nameHint: aws…secret | secret…access…key
  'supabase-service-role-key': ['.eyj'], // \beyJ….eyJ…: any `keyJson` has `eyj`, a JWT has a dot before its payload
};
/** Separators between a qualifier and `key` that credential names are written with (`apiKey`, `API_KEY`, `'api key'`). */
const KEY_SEPARATORS = ['', '_', '-', ' ', '__', '$'];
/** `bot` as a scheme is followed by whitespace (or an escape's backslash); `bottom` and `robot` are not it. */
const BOT_SCHEME = ['bot\\', ...WHITESPACE.map((ws) => `bot${ws}`)];
/** What can follow a name's last word in source text (lowercased): any non-alphanumeric ASCII character or whitespace. */
const NAME_ENDS = [...new Set([...ASCII.filter((ch) => !/[a-z0-9]/i.test(ch)), ...WHITESPACE])];

/**
 * File-level prefilter for a rule that reports what this module detects (no-hardcoded-secrets): a file holding
 * none of these can yield no provider hit, no `Bearer/Basic/token/Bot <x>` credential and no credential-named
 * target, so it needs no parsing. Narrower than SECRET_KEYWORDS (no bare `sk`, `key-`, `-us`, `aws`), and still a
 * superset when names and values are spelled in the source (a `\u0074oken` escape defeats any text prefilter).
 * A rule that names targets itself (`jwt.sign(payload, 'x')` → `jwtSecret`) adds its call names.
 */
export const SECRET_FILE_KEYWORDS: string[] = [
  ...new Set([
    ...SECRET_PATTERNS.flatMap((p) => FILE_LEVEL_KEYWORDS[p.id] ?? p.keywords),
    ...PASSWORD_WORDS,
    ...SECRET_WORDS,
    ...LAST_WORDS.flatMap((w) => NAME_ENDS.map((end) => `${w}${end}`)),
    ...SECRET_KEY_QUALIFIERS.flatMap((q) => KEY_SEPARATORS.map((sep) => `${q}${sep}key`)),
    'basic',
    ...BOT_SCHEME,
  ]),
];

interface CompiledPattern {
  pattern: SecretPattern;
  /** Global (and with indices when a group is the secret) copy of the catalog regex, compiled once. */
  regex: RegExp;
}

const COMPILED: CompiledPattern[] = SECRET_PATTERNS.map((pattern) => ({
  pattern,
  regex: new RegExp(pattern.regex.source, `${pattern.regex.flags}g${pattern.secretGroup ? 'd' : ''}`),
}));

/**
 * Keyword prefilter in one pass over the text: keywords bucketed by their first two characters, so the cost is one
 * map lookup per character instead of one substring search per keyword (most literals contain no keyword at all).
 */
const KEYWORD_INDEX = new Map<number, { keyword: string; patterns: Set<CompiledPattern> }[]>();
for (const compiled of COMPILED) {
  for (const keyword of compiled.pattern.keywords) {
    const key = keyword.charCodeAt(0) * 0x10000 + keyword.charCodeAt(1);
    const bucket = KEYWORD_INDEX.get(key) ?? [];
    const entry = bucket.find((e) => e.keyword === keyword);
    if (entry) entry.patterns.add(compiled);
    else bucket.push({ keyword, patterns: new Set([compiled]) });
    KEYWORD_INDEX.set(key, bucket);
  }
}

/** Pairs of (the low bytes of) two characters that start a keyword: most positions need no map lookup. */
const KEYWORD_PAIRS = new Uint8Array(0x10000);
for (const key of KEYWORD_INDEX.keys()) KEYWORD_PAIRS[((key >>> 16) & 0xff) * 0x100 + (key & 0xff)] = 1;

function candidatePatterns(haystack: string): Set<CompiledPattern> {
  const found = new Set<CompiledPattern>();
  for (let i = 0; i < haystack.length - 1; i++) {
    const a = haystack.charCodeAt(i);
    const b = haystack.charCodeAt(i + 1);
    if (KEYWORD_PAIRS[(a & 0xff) * 0x100 + (b & 0xff)] === 0) continue;
    const bucket = KEYWORD_INDEX.get(a * 0x10000 + b);
    if (!bucket) continue;
    for (const { keyword, patterns } of bucket) {
      if (haystack.startsWith(keyword, i)) for (const p of patterns) found.add(p);
    }
  }
  return found;
}

/** Provider formats found in `text` (keyword-prefiltered), minus allowlisted, placeholder and failed-validate matches.
 *  `name` = the identifier/key the value is assigned to, when known (enables nameHint entries). */
export function scanForProviderSecrets(text: string, name?: string): SecretHit[] {
  // nameHint entries have no distinctive prefix; their keywords are found in the name, not the value.
  const haystack = name ? `${text.toLowerCase()}\n${name.toLowerCase()}` : text.toLowerCase();
  const candidates = candidatePatterns(haystack);
  const hits: SecretHit[] = [];
  if (candidates.size === 0) return hits;
  // Catalog order, not discovery order: it decides which entry wins an overlap.
  for (const compiled of COMPILED) {
    if (!candidates.has(compiled)) continue;
    const { pattern, regex } = compiled;
    if (pattern.nameHint && !(name && pattern.nameHint.test(name))) continue;
    for (const m of text.matchAll(regex)) {
      const group = pattern.secretGroup ?? 0;
      const secret = m[group];
      const start = group ? m.indices![group]![0] : m.index;
      if (secret === undefined || !isReportable(pattern, secret)) continue;
      const end = start + secret.length;
      // Catalog order puts specific formats first; a later entry never re-reports the same characters.
      if (hits.some((h) => start < h.end && h.start < end)) continue;
      hits.push({
        patternId: pattern.id,
        provider: pattern.provider,
        title: pattern.title,
        secret,
        start,
        end,
        severity: pattern.severity,
        evidence: maskSecret(secret, pattern.publicPrefix),
        ...(pattern.rotateUrl ? { rotateUrl: pattern.rotateUrl } : {}),
        ...(pattern.chosenByPerson ? { chosenByPerson: true } : {}),
      });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * For a text gate: a test that holds for every value `scanForProviderSecrets(value, name)` reports for a name the
 * file spells. The file's text stands in for its values and names: an entry counts when one of its keywords occurs
 * in the text, and when its nameHint (if any) matches there (a name is a stretch of the text).
 */
export function providerSecretTest(text: string): (value: string) => boolean {
  const candidates = candidatePatterns(text.toLowerCase());
  const possible = COMPILED.filter((p) => candidates.has(p) && (!p.pattern.nameHint || p.pattern.nameHint.test(text)));
  return (value) =>
    possible.some(({ pattern, regex }) => {
      for (const m of value.matchAll(regex)) {
        const secret = m[pattern.secretGroup ?? 0];
        if (secret !== undefined && isReportable(pattern, secret)) return true;
      }
      return false;
    });
}

/** Documented example values of the catalog (AWS `…EXAMPLE`, the Azurite account key): public by construction. */
const CATALOG_ALLOW: RegExp[] = SECRET_PATTERNS.flatMap((p) => p.allow ?? []);

/**
 * Documented test keys, publishable/anon keys and catalog `allow` values: never reported, by the catalog or by a
 * name-based check (`STRIPE_SECRET_KEY = 'sk_test_…'` is credential-named and random-looking, and still harmless).
 */
export function isKnownNonSecret(value: string): boolean {
  const v = value.trim();
  return CATALOG_ALLOW.some((re) => re.test(v)) || NON_SECRET_FORMATS.some((f) => f.test(v));
}

function isReportable(pattern: SecretPattern, secret: string): boolean {
  if (isKnownNonSecret(secret)) return false;
  if (isPlaceholder(secret)) return false;
  if (pattern.minEntropy !== undefined && shannonEntropy(secret) < pattern.minEntropy) return false;
  return pattern.validate ? pattern.validate(secret) : true;
}

/** Last words that make a credential-looking name describe something else: where it lives, what it is called, how long. */
const NON_VALUE_SUFFIXES = new Set([
  'env', 'var', 'vars', 'variable', 'path', 'file', 'filename', 'dir', 'url', 'uri', 'endpoint', 'host', 'id', 'ids',
  'name', 'names', 'type', 'types', 'kind', 'label', 'placeholder', 'length', 'len', 'size', 'count', 'hash',
  'hashed', 'digest', 'field', 'fields', 'prefix', 'suffix', 'format', 'pattern', 'regex', 'expiry', 'expires',
  'expiration', 'ttl', 'timeout', 'mode', 'enabled', 'required', 'provider', 'ref', 'arn', 'location', 'storage',
  'store', 'policy', 'rotation', 'hint', 'description', 'schema', 'validator', 'strength', 'method', 'scheme',
  'strategy', 'flow', 'level', 'state', 'status', 'config', 'options', 'version', 'audience', 'issuer', 'scope',
  'scopes', 'algorithm', 'alg', 'server', 'domain', 'realm', 'callback', 'redirect', 'error', 'message',
]);

/** Split an identifier or config key into lowercase words: `db.clientSecret` -> ['client', 'secret']. */
function nameWords(name: string): string[] {
  // Dotted and bracket paths: only the last segment names the value.
  const segments = name.split(/[.[\]'"`]+/).filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  return last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Is this identifier/key credential-named? Normalizes camelCase/kebab/snake/SCREAMING and dotted/bracket paths. */
export function classifyCredentialName(name: string): 'password' | 'secret' | null {
  const words = nameWords(name);
  const lastWord = words[words.length - 1];
  if (!lastWord || NON_VALUE_SUFFIXES.has(lastWord) || words.some((w) => NON_SECRET_NAME_WORDS.has(w))) return null;
  if (BOOKKEEPING_TOKEN.test(words.join(''))) return null;
  // `pass` only as a whole word (nodemailer's `auth.pass`, `DB_PASS`), never inside `bypass` or `compass`.
  if (words.some((w) => w === 'pass' || PASSWORD_WORDS.some((p) => p !== 'pass' && w.endsWith(p)))) return 'password';
  // `token` but not `tokens` (max_tokens) nor `tokenizer`: whole words or compounds ending in one (`accesstoken`).
  if (words.some((w) => SECRET_WORDS.some((s) => w === s || (s.length > 4 && w.endsWith(s))))) return 'secret';
  if (LAST_WORDS.includes(lastWord)) return 'secret';
  for (let i = 1; i < words.length; i++) {
    if (words[i] === 'key' && SECRET_KEY_QUALIFIERS.includes(words[i - 1])) return 'secret';
  }
  if (/(?:access|private|secret|signing|encryption|master)key$/.test(lastWord)) return 'secret';
  return null;
}

/** Env-style references and templates: the value names a secret kept elsewhere. */
const REFERENCE_PATTERNS: RegExp[] = [
  /\$\{[^}]{1,200}\}/, // ${VAR}, ${env:VAR}, ${input:x}, ${VAR:-default}
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /^\{(?:env|file):[^}]{1,200}\}$/, // opencode {env:VAR}
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // Windows %VAR%
  /\{\{[^}]{1,200}\}\}/, // {{ secrets.X }}, mustache
  /\bprocess\.env\b|\bimport\.meta\.env\b|\bos\.environ\b/,
];

/** Words that only appear in values meant to be replaced (normalized: lowercase, separators removed). */
const PLACEHOLDER_WORDS = [
  'example', 'dummy', 'fake', 'redacted', 'placeholder', 'changeme', 'replaceme', 'notreal', 'notareal', 'notasecret', 'sample',
  'yourkey', 'yourtoken', 'yoursecret', 'yourpassword', 'yourapi', 'insertyour', 'enteryour',
];
/** Whole values that are stand-ins, not secrets. */
const PLACEHOLDER_VALUES = new Set([
  'password', 'pass', 'passwd', 'secret', 'token', 'apikey', 'key', 'test', 'testing', 'todo', 'tbd', 'none', 'null',
  'undefined', 'nil', 'empty', 'default', 'admin', 'root', 'letmein', 'qwerty', 'mock', 'foo', 'bar', 'foobar',
  'secretkey', 'mysecret', 'supersecret', 'topsecret', 'xxx',
]);

/** 'aaaaaaaa', 'sk_live_0000000000000000', '00000000-0000-0000-0000-000000000000': one character is most of it. */
function isMostlyOneCharacter(v: string): boolean {
  const alnum = v.replace(/[^A-Za-z0-9]/g, '');
  if (alnum.length < 6) return false;
  const counts = new Map<string, number>();
  for (const ch of alnum) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return Math.max(...counts.values()) >= alnum.length * 0.6;
}

/** A run of `min` characters whose codes each go up by one: 'abcdef', '123456'. */
function hasAscendingRun(s: string, min: number): boolean {
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    run = s.charCodeAt(i) === s.charCodeAt(i - 1) + 1 && /[a-z0-9]/.test(s[i]) ? run + 1 : 1;
    if (run >= min) return true;
  }
  return false;
}

/** Placeholders: your-api-key, YOUR_TOKEN_HERE, <TOKEN>, xxx..., ***, changeme, sk-..., template references. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (REFERENCE_PATTERNS.some((re) => re.test(v))) return true;
  if (/<[^<>]{1,80}>/.test(v)) return true;
  // Masks and ellipses: ***, ..., …, xxxx, ####.
  if (/\.{3}|…|[*•#]{3}|x{4}|X{4}/.test(v)) return true;
  if (isMostlyOneCharacter(v)) return true;
  // Words and counting runs are how people write stand-ins by hand; long values (PEM bodies, macaroons) are key
  // material whose base64 can contain any short word by chance.
  if (v.length > 128) return false;
  const lower = v.toLowerCase();
  if (hasAscendingRun(lower, 6)) return true;
  const normalized = lower.replace(/[^a-z0-9]+/g, '');
  if (PLACEHOLDER_VALUES.has(normalized)) return true;
  if (PLACEHOLDER_WORDS.some((w) => normalized.includes(w))) return true;
  if (/^(?:your|my|insert|enter|replace|put|add|paste)[a-z]*(?:key|token|secret|password|here)/.test(normalized)) return true;
  return /[-_\s.]here$/i.test(v);
}

export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...s].length;
  let bits = 0;
  for (const c of counts.values()) {
    const p = c / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Values that are words or identifiers ('session-token', 'Authorization', 'mySecretApiKey'), not random material. */
function looksLikeIdentifier(v: string): boolean {
  if (/^[A-Za-z]+(?:[-_.][A-Za-z]+)*(?:[-_.]?[0-9]{1,2})?$/.test(v) && /[-_.]/.test(v)) return true;
  if (/^[A-Za-z]+$/.test(v)) {
    // camelCase words have few case changes; random letters change case every other character.
    const upper = v.replace(/[^A-Z]/g, '').length;
    return upper <= v.length / 4 || upper === v.length;
  }
  return false;
}

/** URLs without credentials, paths and file names are where a secret lives, not the secret. */
function looksLikeLocation(v: string): boolean {
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(v)) return true;
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(v)) return true;
  return /^[\w.-]{1,100}\.(?:json|ya?ml|toml|env|pem|key|crt|cer|p12|pfx|txt|ini|cfg|conf|js|ts)$/i.test(v);
}

/**
 * A value that restates its own name is the name of something kept elsewhere — an env var, a keychain entry, a CLI
 * command: `REFRESH_TOKEN: 'AUTH0_REFRESH_TOKEN'`, `PG_CREDENTIALS: 'pg:credentials'`. Every word of the value is a
 * word (letters, at most two digits: `auth0`), and the name's words are among them.
 */
export function restatesName(name: string, value: string): boolean {
  const valueWords = nameWords(value);
  if (valueWords.length === 0 || valueWords.length > 8 || !/^[<{[(]?[A-Za-z0-9]+(?:[-_.: /][A-Za-z0-9]+)*[-_.:]?[>}\])]?$/.test(value)) return false;
  if (!valueWords.every((w) => /^[a-z]+[0-9]{0,2}$/.test(w))) return false;
  const nameSet = nameWords(name);
  if (nameSet.length === 0) return false;
  // the name's words all in the value (an env var's name), or the value a run of the name's words (`<custom_token_`
  // in CUSTOM_TOKEN_PREFIX: the value is what the name says it is a prefix of)
  return nameSet.every((w) => valueWords.includes(w)) || (valueWords.length >= 2 && valueWords.every((w) => nameSet.includes(w)));
}

/** `AUTH0_TOKEN_EXPIRES_AT`: an env var's name (SCREAMING_SNAKE words), not material. */
const ENV_VAR_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z][A-Z0-9]*)+$/;

/**
 * Does a literal assigned to a credential-named target look like a real secret? `name`, when known, lets a value
 * that restates it (the name of an env var or a keychain entry) pass as the label it is.
 */
export function looksLikeSecretValue(value: string, kind: 'password' | 'secret', name?: string): boolean {
  const v = value.trim();
  if (v.length > 4096 || /\s/.test(v)) return false;
  if (isPlaceholder(v) || looksLikeIdentifier(v) || looksLikeLocation(v) || ENV_VAR_NAME.test(v)) return false;
  if (name && restatesName(name, v)) return false;
  if (kind === 'password') return v.length >= 6;
  if (v.length < 12 || shannonEntropy(v) < 3 || READABLE_PHRASE.test(v) || COUNTED_WORDS.test(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
  return classes >= 2 || /^[0-9a-fA-F]{16,}$/.test(v);
}

/**
 * Lowercase words joined by `-`/`_` (`demo-m2m-secret`, `e2e-entry-access-token`): written by a person for a demo or
 * a test, not generated. Generated tokens have longer random runs or mixed case.
 */
const READABLE_PHRASE = /^[a-z0-9]{1,12}(?:[-_][a-z0-9]{1,12})+$/;

/**
 * Words followed by a count from 1 (`newaccess123`, `client-secret-1234`): typed by hand for a test or a demo. Keys and
 * tokens are generated, so there it is a stand-in; a person's password can look like this (`postgres123`) and stays.
 */
const COUNTED_WORDS = /^[a-z]+(?:[-_][a-z]+)*[-_]?123(?:4(?:5(?:6(?:7(?:8(?:9)?)?)?)?)?)?$/i;

/**
 * Does the credential after an auth scheme look real? `Basic` carries base64 of `user:password` and is judged by the
 * password: `Basic dXNlcjpwYXNz` (`user:pass`) is a stand-in, base64 of a generated client secret is not.
 */
export function looksLikeSchemeSecret(scheme: string, credential: string): boolean {
  if (!looksLikeSecretValue(credential, 'secret')) return false;
  if (scheme.toLowerCase() !== 'basic') return true;
  const decoded = Buffer.from(credential, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0 || !/^[\x20-\x7e]+$/.test(decoded)) return true; // not base64 of user:password: judged as it is
  const password = decoded.slice(colon + 1);
  return !isPlaceholder(password) && !COUNTED_WORDS.test(password);
}

/**
 * `Bearer <x>` / `Basic <x>` / `token <x>`, alone or after a header name (`Authorization: Bearer x`). The credential
 * must be an RFC 6750 / 7235 token68, so challenges such as `Bearer realm="api"` or `Bearer error="invalid_token"`
 * (WWW-Authenticate values) are not credentials. A reference (`${TOKEN}`, `{env:TOKEN}`) is returned as is, so callers
 * can tell a reference from a literal.
 */
const AUTH_SCHEME = /^\s*(?:[\w-]{1,64}\s*[:=]\s*){0,2}(bearer|basic|token|bot)\s+([A-Za-z0-9\-._~+/]{1,4096}=*|[$%{][^\s"',]{1,256})\s*$/di;

/** `Bearer <x>` / `Basic <x>` / `token <x>` inside a string: returns the credential part, or null. */
export function extractAuthSchemeCredential(
  value: string,
): { scheme: string; credential: string; offset: number } | null {
  const m = AUTH_SCHEME.exec(value);
  if (!m) return null;
  return { scheme: m[1], credential: m[2], offset: m.indices![2]![0] };
}

/** What a string literal holds, judged the same way in every language (the rules only place and word the report). */
export type LiteralSecret =
  | { kind: 'provider'; hit: SecretHit }
  | { kind: 'authScheme'; scheme: string; credential: string; offset: number; evidence: string }
  | { kind: 'credential'; evidence: string };

/**
 * The secrets in a literal assigned to `name` (when known): provider-format keys anywhere in it; else a credential after
 * an auth scheme (`Bearer …`); else the whole value, when the name is credential-like, the value looks generated, and
 * its author did not declare it public (`declaredPublic`: a comment on its line, asked only then).
 */
export function secretsInLiteral(value: string, name: string | null, declaredPublic: () => boolean): LiteralSecret[] {
  const hits = scanForProviderSecrets(value, name ?? undefined);
  if (hits.length > 0) return hits.map((hit) => ({ kind: 'provider', hit }));
  const scheme = extractAuthSchemeCredential(value);
  if (scheme) {
    if (isKnownNonSecret(scheme.credential) || !looksLikeSchemeSecret(scheme.scheme, scheme.credential)) return [];
    return [{ kind: 'authScheme', scheme: scheme.scheme, credential: scheme.credential, offset: scheme.offset, evidence: `${scheme.scheme} ${maskSecret(scheme.credential)}` }];
  }
  const kind = name ? classifyCredentialName(name) : null;
  if (kind && !isKnownNonSecret(value) && looksLikeSecretValue(value, kind, name!) && !declaredPublic()) return [{ kind: 'credential', evidence: maskSecret(value) }];
  return [];
}

/** Comments that declare a key public: `// search-only (public) key`, `// publishable key`, `# not a secret`. */
export const PUBLIC_KEY_NOTE = /\b(?:public|publishable)\s+(?:api\s+)?key\b|\bsearch[- ]only\b|\bnot\s+a\s+secret\b|\bsafe\s+to\s+(?:commit|expose|share|publish)\b|\(public\)|\bis\s+public\b/i;

/**
 * A string written in the source that is not key material: short, a scheme word, a placeholder or a readable name
 * (`'your_news_api_key'`, `` `Bearer ${TEST_TOKEN}` `` with a readable test constant). Comparing against it leaks
 * nothing the source does not already show; a real-looking literal still counts.
 */
export function isPublicLiteral(value: string): boolean {
  const credential = extractAuthSchemeCredential(value)?.credential ?? value;
  return credential.length < 8 || !looksLikeSecretValue(credential, 'secret');
}
