/**
 * Where data leaves the server: outbound HTTP clients, third-party SDK clients, logs. Used by the token rules.
 */

/** Receivers that are the server's *response* to its own caller, not an outbound request. */
export const RESPONSE_OBJECTS: readonly string[] = ['res', 'response', 'reply'];

/**
 * Constructors that take headers or fields but are not an upstream client. Form bodies (`URLSearchParams`,
 * `FormData`) are where the token goes in RFC 7662 introspection, RFC 7009 revocation and RFC 8693 exchange: the
 * ways to check or swap a token, not to pass it through.
 */
export const NON_OUTBOUND_CONSTRUCTORS: readonly string[] = ['Response', 'NextResponse', 'Error', 'URL', 'Map', 'Set', 'URLSearchParams', 'FormData'];

/**
 * Receivers named like something that talks to another service (`this.apiClient`, `this.upstream`, `this.http`): a
 * call on `this.<field>` is the class's own plumbing (a session store, a factory) unless the field is named like one.
 */
export const OUTBOUND_RECEIVER = /client|api|http|sdk|upstream|proxy|fetch|gateway|remote|octokit|axios/i;

/** Option names under which SDK clients take a credential: `new Octokit({ auth })`, `new OpenAI({ apiKey })`. */
export const CLIENT_CREDENTIAL_OPTIONS: readonly string[] = [
  'auth', 'token', 'accessToken', 'apiKey', 'bearerToken', 'authToken', 'password', 'credentials', 'authorization',
];

/** Methods on a `Headers`-like object that set one header: `upstreamHeaders.set('Authorization', …)`. */
export const HEADER_SETTERS: readonly string[] = ['set', 'append', 'setHeader'];

/** Logger methods (console, pino, winston, bunyan, fastify/req.log, fastmcp `context.log`, SDK v2 `ctx.mcpReq.log`). */
export const LOG_METHODS: readonly string[] = [
  'log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'notice', 'critical', 'dir', 'table',
];

/** Objects whose log methods write somewhere: the last name of the receiver chain. */
export const LOGGER_OBJECTS: readonly string[] = ['console', 'logger', 'log', 'pino', 'winston', 'bunyan', 'mcpReq', 'audit'];

/** Plain functions that log: `debug(...)` from the debug package, `log(...)` helpers. */
export const LOG_FUNCTIONS: readonly string[] = ['debug', 'log', 'dbg', 'logger'];

/** MCP logging notifications: they go to the client and from there to the model's context. */
export const MCP_LOG_CALLS: readonly string[] = ['sendLoggingMessage'];

/** morgan format tokens that print a credential header into the access log. */
export const MORGAN_SECRET_TOKENS = /:req\[(authorization|cookie|x-api-key|proxy-authorization)\]/i;

/** Files whose content is a secret: returned to the model, they hand it the server's keys. */
export const SECRET_FILES = /(^|[\\/])\.env(\.[\w-]+)?$|\.pem$|\.key$|id_(rsa|ed25519|ecdsa)$|\.aws[\\/]credentials$|\.npmrc$|\.netrc$/;
