import type { Keyword } from '../create-rule.js';
/**
 * Names that decide whether code verifies a credential or only looks at it. Shared by the identity and token rules.
 */

/** JWT libraries whose APIs the rules know: which calls only decode and which verify with which options. */
export const JWT_LIBRARIES = ['jsonwebtoken', 'jose', 'jwt-decode'] as const;

/** Functions that parse a JWT without verifying it (jsonwebtoken `decode`, jose `decodeJwt`, jwt-decode). */
export const DECODE_ONLY_FUNCTIONS: readonly string[] = ['decode', 'decodeJwt', 'jwtDecode', 'jwt_decode'];

/** JWT header fields: reading them (e.g. `kid` to pick a key before `verify`) is not trusting the token. */
export const JWT_HEADER_FIELDS: readonly string[] = ['header', 'kid', 'alg', 'typ', 'jku', 'x5t', 'cty'];

/**
 * Time claims: reading when a token expires (to refresh it before it does) trusts nothing about who it belongs to.
 * A client checking its own token's `exp` is the common case.
 */
export const JWT_TIME_CLAIMS: readonly string[] = ['exp', 'iat', 'nbf'];

/** Signature-verifying JWT calls whose options decide what is checked. */
export const JWT_VERIFY_FUNCTIONS: readonly string[] = ['verify', 'jwtVerify'];

/** Calls that produce unguessable values (ids, tokens, passwords): Node's crypto, Web Crypto, uuid v4/v7, nanoid, cuid. */
export const CSPRNG_CALLS = /^(randomUUID|randomBytes|getRandomValues|randomFillSync|randomInt|v4|uuidv4|uuidV4|v7|uuidv7|nanoid|customAlphabet|createId|cuid2?|ulid|generateSecureId)$/;

/** Constant-time comparisons, by the names libraries and hand-written helpers give them. */
export const CONSTANT_TIME_COMPARE = /timingSafeEqual|constantTime|ConstantTime|safeCompare|SafeCompare|secureCompare|SecureCompare|safeEqual|SafeEqual|compare_digest|compareDigest|tsscmp/;

/**
 * Calls that check a signature or MAC over data (`jwt.verify`, `jwtVerify`, `crypto.subtle.verify`, a local
 * `verifySignature`, `timingSafeEqual`, `equalsConstantTime`): a token handed to one of these was verified by hand,
 * not only decoded.
 */
export const SIGNATURE_CHECK_CALL = new RegExp(`^verify|Verify|${CONSTANT_TIME_COMPARE.source}`);

/**
 * Calls that check a credential against something the server trusts: a signature, an introspection endpoint, a
 * store lookup, a constant-time compare. A verifier or middleware with none of these accepts any token. Leading
 * underscores are private-name spelling (`this._verifyAccessToken`, an injected verifier); any session lookup
 * (`getMcpSession`, `getServerSession`) checks the token against server state.
 */
export const VERIFICATION_CALL = new RegExp(
  `^_*(verify|jwtVerify|introspect|validate|lookup|find|check|authenticate|authorize|decrypt|compare|exchange)|${CONSTANT_TIME_COMPARE.source}|^_*(fetch|query|has|get|includes|select)$|^_*get(User|Token|Principal|Account|ApiKey|Key|Claims|\\w*Session)`,
  'i',
);

/** Last words of secret-bearing names: `apiKey`, `API_TOKEN`, `clientSecret`, `password`, `authHeader` is not one. */
const SECRET_WORDS = new Set(['token', 'secret', 'password', 'passwd', 'apikey', 'credential', 'credentials', 'authorization', 'cookie', 'bearer']);

/** `key` alone is too common (loop variables, map keys); as the last word after a qualifier it is a secret. */
const KEY_QUALIFIERS = new Set(['api', 'access', 'secret', 'private', 'signing', 'client', 'master', 'auth', 'admin', 'service']);

/** Split `apiKey`, `API_KEY`, `api-key` into lowercase words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * Tokens that are protocol bookkeeping, not credentials: MCP's `progressToken` (a correlation id the client picks),
 * pagination (`nextPageToken`, `continuationToken`), `cancellationToken`, `syncToken`, `resumeToken`, `cursorToken`.
 * Matched against a name's words joined.
 */
export const BOOKKEEPING_TOKEN = /(?:page|next|continuation|cancellation|cancel|sync|progress|resume|cursor)token$/;
/** Words that mark a name as not secret wherever they stand (`public_key`, `publishableKey`). */
export const NON_SECRET_NAME_WORDS = new Set(['public', 'publishable', 'pubkey']);

/** Does an identifier or env key name a secret? (`accessToken`, `JWT_SECRET`, `apiKey`; not `tokenCount`, `key`.) */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (!last) return false;
  if (words.some((w) => NON_SECRET_NAME_WORDS.has(w)) || BOOKKEEPING_TOKEN.test(words.join(''))) return false;
  if (SECRET_WORDS.has(last)) return true;
  return last === 'key' && words.length > 1 && KEY_QUALIFIERS.has(words[words.length - 2]);
}

/**
 * Lowercase substrings one of which every secret name contains (keyword prefilters): the secret words, and each
 * qualifier joined to `key` as identifiers, env keys and header names write it (`apiKey`, `API_KEY`, `api-key`).
 */
export const SECRET_NAME_KEYWORDS: readonly string[] = [
  ...SECRET_WORDS,
  ...[...KEY_QUALIFIERS].flatMap((q) => ['', '_', '-', '__'].map((sep) => `${q}${sep}key`)),
];

/** Message authentication values: comparing them leaks timing just like comparing keys (`x-hub-signature-256`). */
const MAC_WORDS = new Set(['signature', 'hmac', 'mac', 'digest']);

export function isSignatureName(name: string): boolean {
  return nameWords(name).some((w) => MAC_WORDS.has(w));
}

/** Words one of which every signature name has (keyword prefilters: `mac` in `hubMac`, not in `teamAccount`). */
export const SIGNATURE_NAME_KEYWORDS: readonly Keyword[] = [...MAC_WORDS].map((word) => ({ word }));

/** Functions whose output is a redacted copy of their input. */
export const REDACTION_CALL = /redact|mask|sanitize|scrub|omit|censor|strip/i;

/** JWT algorithm families: mixing HMAC with an asymmetric family in one allow-list enables key confusion. */
export const JWT_HMAC = /^HS\d+$/;
export const JWT_ASYMMETRIC = /^(RS|ES|PS)\d+$|^EdDSA$/;
