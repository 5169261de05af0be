/**
 * Where a caller's identity decides something. A spoofable identity reaching one of these is an authorization bypass.
 */

/** Properties that hold "who is calling" for the rest of the request: `req.auth` feeds the SDK's `extra.authInfo`. */
export const IDENTITY_TARGETS: readonly string[] = ['auth', 'authInfo', 'user', 'principal', 'identity', 'caller', 'currentUser'];

/** Membership tests that grant or deny: `admins.includes(user)`, `allowed.has(tenant)`, `roles.includes('admin')`. */
export const MEMBERSHIP_METHODS: readonly string[] = ['includes', 'has', 'indexOf', 'some', 'every', 'startsWith', 'endsWith'];

/**
 * Data-access calls whose arguments select *whose* data is read or changed (Prisma, Mongo, Knex, Drizzle, SQL
 * clients, key-value stores). An identity from a header in these is a query filter the caller controls.
 */
export const QUERY_METHODS: readonly string[] = [
  'query', 'execute', 'raw', 'sql', 'where', 'andWhere', 'eq',
  'find', 'findOne', 'findMany', 'findFirst', 'findUnique', 'findById', 'findByPk', 'findAll',
  'update', 'updateOne', 'updateMany', 'delete', 'deleteOne', 'deleteMany', 'destroy', 'remove',
  'upsert', 'insert', 'create', 'createMany', 'select', 'aggregate', 'count',
];

/** Property names of an object that is an SDK `AuthInfo` (`{ token, clientId, scopes }`). */
export const AUTH_INFO_KEYS: readonly string[] = ['clientId', 'scopes'];

/** Callbacks that turn a presented credential into an identity: they must verify it (fastmcp, SDK, mcp-handler). */
export const VERIFIER_CALLBACKS: readonly string[] = ['authenticate', 'verifyAccessToken', 'verifyToken'];

/**
 * Calls that sign a user in, by the property of their options object that names the user: Cloudflare
 * workers-oauth-provider `completeAuthorization({ userId })` issues tokens for whoever `userId` says.
 */
export const IDENTITY_GRANTS: Readonly<Record<string, readonly string[]>> = { completeAuthorization: ['userId'] };

/** Callback properties whose return value becomes the session's identity. */
export const IDENTITY_CALLBACKS: readonly string[] = [...VERIFIER_CALLBACKS, 'getUser', 'resolveUser'];
