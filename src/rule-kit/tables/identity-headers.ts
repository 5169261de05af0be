import { nameWords } from './auth-primitives.js';

/**
 * Request headers that carry a caller's identity, roles or tenant. A reverse proxy *may* set them, but any client
 * can send them too, so a server that trusts them without verifying a signed assertion can be spoofed (CWE-290).
 * Correlation headers (x-request-id, traceparent, …) are deliberately absent: reading them is harmless.
 */
export const IDENTITY_HEADERS: readonly string[] = [
  // generic / home-grown
  'x-user-id', 'x-user', 'x-userid', 'x-user-email', 'x-user-name', 'x-email', 'x-username',
  'x-tenant-id', 'x-org-id', 'x-account-id', 'x-client-id', 'x-api-user', 'x-impersonate',
  'x-role', 'x-roles', 'x-scopes', 'x-groups', 'x-caller', 'x-caller-id', 'x-principal',
  // roles and groups next to the user: a gateway "adds x-user-role", so a client can add it too
  'x-user-role', 'x-user-roles', 'x-user-groups', 'x-user-group', 'x-user-scopes', 'x-user-permissions',
  'x-permissions', 'x-is-admin', 'x-admin',
  // oauth2-proxy, Apache/nginx auth_request
  'x-forwarded-user', 'x-forwarded-email', 'x-forwarded-preferred-username', 'x-forwarded-groups',
  'x-remote-user', 'remote-user', 'x-auth-request-user', 'x-auth-request-email', 'x-auth-request-groups',
  'x-auth-request-preferred-username',
  // Authelia/Authentik/Pomerium forward auth
  'remote-groups', 'remote-email', 'x-authentik-username', 'x-authentik-email', 'x-authentik-groups', 'x-authentik-uid',
  'x-pomerium-claim-email', 'x-pomerium-claim-groups',
  // Google IAP, AWS ALB, Cloudflare Access, Azure App Service (EasyAuth)
  'x-goog-authenticated-user-email', 'x-goog-authenticated-user-id', 'x-amzn-oidc-identity',
  'cf-access-authenticated-user-email', 'x-ms-client-principal', 'x-ms-client-principal-name',
  'x-ms-client-principal-id', 'x-ms-client-principal-idp',
];

const IDENTITY = new Set(IDENTITY_HEADERS);

/** Is `name` (any case) an identity header? */
export function isIdentityHeader(name: string): boolean {
  return IDENTITY.has(name.toLowerCase());
}

/**
 * Header names built like an identity header without being in the list: a person or principal and an id, name or
 * role, with `-` or `_`, optionally `x-` (`user_uuid`, `x-caller-email`, `account-id`). Read by the Python model.
 */
const IDENTITY_HEADER_SHAPE = /^(x[-_])?(user|caller|principal|account|tenant|org|member|customer|requester|actor)[-_](id|uuid|email|name|login|role|roles|groups?)$/i;

export function isIdentityHeaderShape(name: string): boolean {
  return IDENTITY_HEADER_SHAPE.test(name);
}

/** Headers that carry the inbound credential itself: never log, return or forward them. */
export const CREDENTIAL_HEADERS: readonly string[] = [
  'authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token',
  'cf-access-jwt-assertion', 'x-amzn-oidc-data', 'x-amzn-oidc-accesstoken', 'x-auth-request-access-token',
  'x-goog-iap-jwt-assertion', 'x-forwarded-access-token',
];

const CREDENTIAL = new Set(CREDENTIAL_HEADERS);

export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL.has(name.toLowerCase());
}

/**
 * Tool arguments that claim who the caller is or what it may do. The model fills them in, so a prompt can set them
 * to anything; deciding access on them (rather than comparing them with the verified caller) is no check at all.
 */
export const IDENTITY_ARGUMENTS: readonly string[] = [
  'userId', 'user_id', 'callerId', 'caller_id', 'caller', 'actorId', 'actor', 'requesterId', 'requestedBy',
  'asUser', 'actAs', 'impersonate', 'role', 'roles', 'userRole', 'isAdmin', 'is_admin', 'admin', 'permissions',
  'scopes', 'currentUser', 'approvedBy', 'authorizedBy',
];

/**
 * Names built like the ones above, matched by words (see `isIdentityArgument`): a claiming head followed only by
 * words that name a person (`actingAgent`, `actorEmail`, `requesterId`, `callerRole`), a claiming phrase anywhere
 * (`onBehalfOf`, `requested_by`, `runAs`), or `is` + a privilege (`isSupervisor`). `targetUserId`, `ownerId`,
 * `currentPage` and `requestId` name what the call acts on, not who is acting.
 */
export const CLAIMING_HEADS: readonly string[] = ['acting', 'actor', 'caller', 'calling', 'requester', 'requestor', 'invoker', 'current', 'impersonated', 'impersonating'];
export const PERSON_WORDS: readonly string[] = [
  'user', 'agent', 'email', 'id', 'name', 'login', 'username', 'role', 'roles', 'account', 'principal', 'member', 'employee', 'uid', 'handle', 'group', 'groups',
];
export const CLAIMING_PHRASES: readonly string[] = ['behalfOf', 'requestedBy', 'approvedBy', 'authorizedBy', 'performedBy', 'asUser', 'actAs', 'runAs', 'actingAs', 'impersonate'];
export const PRIVILEGES: readonly string[] = ['admin', 'superuser', 'superadmin', 'supervisor', 'manager', 'owner', 'staff', 'moderator', 'root', 'privileged'];

const EXACT_ARGUMENTS = new Set(IDENTITY_ARGUMENTS);
const HEADS = new Set(CLAIMING_HEADS);
const PERSON = new Set(PERSON_WORDS);
const PRIVILEGE = new Set(PRIVILEGES);
const PHRASES = CLAIMING_PHRASES.map((p) => nameWords(p).join(' '));

/** Does a tool argument's name claim who the caller is or what it may do? */
export function isIdentityArgument(name: string): boolean {
  if (EXACT_ARGUMENTS.has(name)) return true;
  const words = nameWords(name);
  // a head alone (`current`, `acting`) says nothing; the bare nouns (`actor`, `caller`) are in the exact list
  if (words.length > 1 && HEADS.has(words[0]) && words.slice(1).every((w) => PERSON.has(w))) return true;
  if (words.length === 2 && words[0] === 'is' && PRIVILEGE.has(words[1])) return true;
  const spaced = ` ${words.join(' ')} `;
  return PHRASES.some((p) => spaced.includes(` ${p} `));
}

/** Lowercase substrings one of which every identity-claiming argument name contains (the rule's keyword prefilter). */
export const IDENTITY_ARGUMENT_KEYWORDS: readonly string[] = [
  ...IDENTITY_ARGUMENTS,
  ...CLAIMING_HEADS,
  ...PRIVILEGES.flatMap((p) => [`is${p}`, `is_${p}`]),
  ...CLAIMING_PHRASES.flatMap((p) => {
    const words = nameWords(p);
    return [words.join(''), words.join('_'), words.join('-')];
  }),
].map((k) => k.toLowerCase());

/** Property chains that hold a verified identity; comparing a tool argument with one of them is the correct check. */
export const VERIFIED_IDENTITY_HOLDERS: readonly string[] = ['authInfo', 'session', 'props', 'auth', 'claims', 'payload', 'principal'];
