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
  // oauth2-proxy, Apache/nginx auth_request
  'x-forwarded-user', 'x-forwarded-email', 'x-forwarded-preferred-username', 'x-forwarded-groups',
  'x-remote-user', 'remote-user', 'x-auth-request-user', 'x-auth-request-email', 'x-auth-request-groups',
  'x-auth-request-preferred-username',
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

/** Property chains that hold a verified identity; comparing a tool argument with one of them is the correct check. */
export const VERIFIED_IDENTITY_HOLDERS: readonly string[] = ['authInfo', 'session', 'props', 'auth', 'claims', 'payload', 'principal'];
