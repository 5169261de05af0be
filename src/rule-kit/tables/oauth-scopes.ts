/**
 * Over-broad OAuth scopes and permissions, per provider: why each is broad, what to ask for instead, where the
 * provider documents it. Data only; the rule `no-broad-oauth-scopes` (and later a config-file rule) read it through
 * `findBroadScopes`. Facts come from docs/reference §5; `confidence: 'recall'` marks entries not re-verified against
 * the provider's page, and those carry conservative severities.
 *
 * Field names here deliberately avoid `scope`/`scopes`/`permissions`, so linting this file finds nothing.
 */

export type ScopeProvider =
  | 'mcp' | 'oidc' | 'github' | 'google' | 'gcp' | 'microsoft' | 'slack' | 'gitlab' | 'atlassian'
  | 'salesforce' | 'linear' | 'stripe' | 'shopify' | 'discord' | 'dropbox' | 'aws';

export type ScopeSeverity = 'critical' | 'high' | 'medium' | 'info';

/** Where a value is read: an OAuth scope list, an IAM policy action, or an IAM role / managed policy. */
export type ScopeField = 'scope' | 'iam-action' | 'iam-role';

export interface ProviderInfo {
  name: string;
  /**
   * Lowercase substrings that, found in the code around a scope (authorize URL host, strategy or client name,
   * import source, nearby identifiers), say the scope is this provider's. Needed for short generic words.
   */
  hints: readonly string[];
}

export const PROVIDERS: Readonly<Record<ScopeProvider, ProviderInfo>> = {
  mcp: { name: 'MCP server', hints: ['oauth', 'authoriz', 'bearer', 'token', 'modelcontextprotocol', 'mcp'] },
  oidc: { name: 'OAuth/OpenID Connect', hints: [] },
  github: { name: 'GitHub', hints: ['github', 'octokit'] },
  google: { name: 'Google', hints: ['google'] },
  gcp: { name: 'Google Cloud', hints: ['google-cloud', 'gcloud', 'gcp'] },
  microsoft: { name: 'Microsoft Graph', hints: ['microsoft', 'msal', 'azure'] },
  slack: { name: 'Slack', hints: ['slack'] },
  gitlab: { name: 'GitLab', hints: ['gitlab', 'gitbeaker'] },
  atlassian: { name: 'Atlassian', hints: ['atlassian', 'jira', 'confluence'] },
  salesforce: { name: 'Salesforce', hints: ['salesforce', 'force.com', 'jsforce'] },
  linear: { name: 'Linear', hints: ['linear.app', '@linear/', 'linear_', 'linearclient', 'linearstrategy'] },
  stripe: { name: 'Stripe Connect', hints: ['stripe'] },
  shopify: { name: 'Shopify', hints: ['shopify'] },
  discord: { name: 'Discord', hints: ['discord'] },
  dropbox: { name: 'Dropbox', hints: ['dropbox'] },
  aws: { name: 'AWS IAM', hints: ['aws'] },
};

export interface BroadScope {
  provider: ScopeProvider;
  /** Exact scope string, or a pattern over one whole scope token. */
  match: string | RegExp;
  /** Generic word (`repo`, `api`, `full`, `admin`): only broad when the surrounding code names the provider. */
  needsProvider?: boolean;
  /** Defaults to 'scope'. */
  field?: ScopeField;
  /** `info` is reserved for refresh-token scopes (long-lived access rather than breadth). */
  severity: ScopeSeverity;
  why: string;
  /** Named in the message. A function derives it from the matched scope (`x.ReadWrite.All` → `x.Read.All`). */
  narrower: string | ((found: string) => string);
  docs: string;
  confidence: 'verified' | 'doc' | 'recall';
  /** Broad examples must match this entry (given the provider as hint); narrow ones must match nothing. */
  examples: { broad: readonly string[]; narrow: readonly string[] };
}

const MCP_DOCS = 'https://modelcontextprotocol.io/specification/2025-11-25/basic/security_best_practices#scope-minimization';
const GITHUB_DOCS = 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps';
const GMAIL_DOCS = 'https://developers.google.com/gmail/api/auth/scopes';
const DRIVE_DOCS = 'https://developers.google.com/drive/api/guides/api-specific-auth';
const GOOGLE_SCOPES_DOCS = 'https://developers.google.com/identity/protocols/oauth2/scopes';
const GRAPH_DOCS = 'https://learn.microsoft.com/en-us/graph/permissions-reference';
const SLACK_DOCS = 'https://api.slack.com/scopes';
const GITLAB_DOCS = 'https://docs.gitlab.com/security/tokens/access_token_scopes/';
const JIRA_DOCS = 'https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/';
const CONFLUENCE_DOCS = 'https://developer.atlassian.com/cloud/confluence/scopes-for-oauth-2-3LO-and-forge-apps/';
const SALESFORCE_DOCS = 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm';
const LINEAR_DOCS = 'https://linear.app/docs/api/oauth-2-0-authentication';
const STRIPE_DOCS = 'https://docs.stripe.com/connect/oauth-reference';
const SHOPIFY_DOCS = 'https://shopify.dev/docs/api/usage/access-scopes';
/** Bot permission bits (see DISCORD_PERMISSION_BITS). */
export const DISCORD_DOCS_URL = 'https://docs.discord.com/developers/topics/permissions';
const DROPBOX_DOCS = 'https://developers.dropbox.com/oauth-guide';
const AWS_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege';
const GCP_DOCS = 'https://cloud.google.com/iam/docs/roles-overview#basic';

const G = 'https://www.googleapis.com/auth/';
/** Graph permissions are written bare (`Mail.Send`) or as resource URLs (`https://graph.microsoft.com/Mail.Send`). */
const graph = (name: string): RegExp => new RegExp(`^(?:https://graph\\.microsoft\\.com/)?${name.replace(/\./g, '\\.')}$`, 'i');
const stripGraph = (s: string): string => s.replace(/^https:\/\/graph\.microsoft\.com\//i, '');

/** Checked in order; the first entry that matches a token wins, so specific entries come before patterns. */
export const BROAD_SCOPES: readonly BroadScope[] = [
  // --- The MCP server's own scopes (spec "Scope minimization", common mistakes) ---
  {
    provider: 'mcp', match: /^\*(?::\*)?$/, severity: 'critical', confidence: 'verified', docs: MCP_DOCS,
    why: 'a wildcard grants every scope the server will ever define',
    narrower: 'a minimal baseline such as `mcp:read`, with per-operation scopes requested by step-up (403 insufficient_scope)',
    examples: { broad: ['*', '*:*'], narrow: ['mcp:read', 'mcp:tools-basic'] },
  },
  {
    // Generic words: only when the code around them is about OAuth/MCP authorization (not e.g. a DI `scope: 'all'`).
    provider: 'mcp', match: /^(?:all|full[-_]access|full[-_]control)$/i, needsProvider: true, severity: 'critical', confidence: 'verified', docs: MCP_DOCS,
    why: 'an omnibus scope bundles every privilege into one grant',
    narrower: 'a minimal baseline such as `mcp:read`, with per-operation scopes requested by step-up (403 insufficient_scope)',
    examples: { broad: ['all', 'full-access', 'full_access'], narrow: ['allow-list:read', 'tools:call'] },
  },
  {
    provider: 'mcp', match: /^admin:\*$/, severity: 'critical', confidence: 'verified', docs: MCP_DOCS,
    why: 'every admin operation in one wildcard',
    narrower: 'the specific admin operation (e.g. `admin:users:read`)',
    examples: { broad: ['admin:*'], narrow: ['admin:users:read'] },
  },
  {
    provider: 'mcp', match: /^[\w.-]+:\*$/, severity: 'high', confidence: 'verified', docs: MCP_DOCS,
    why: 'a resource wildcard grants every operation on it, including writes and deletes',
    narrower: (s) => `\`${s.slice(0, -1)}read\` and only the write scopes a tool needs`,
    examples: { broad: ['files:*', 'db:*'], narrow: ['files:read', 'db:query'] },
  },

  // --- Refresh tokens: long-lived access (info, with short-TTL advice in the rule's message) ---
  {
    provider: 'oidc', match: 'offline_access', severity: 'info', confidence: 'verified', docs: MCP_DOCS,
    why: 'issues refresh tokens: access that outlives the session',
    narrower: 'no `offline_access` unless the server works in the background',
    examples: { broad: ['offline_access'], narrow: ['openid', 'profile'] },
  },
  {
    provider: 'salesforce', match: 'refresh_token', needsProvider: true, severity: 'info', confidence: 'doc', docs: SALESFORCE_DOCS,
    why: 'issues refresh tokens, letting the app "perform requests at any time"',
    narrower: 'no `refresh_token` for interactive-only use',
    examples: { broad: ['refresh_token'], narrow: ['api', 'id'] },
  },

  // --- GitHub OAuth apps ---
  {
    provider: 'github', match: 'repo', needsProvider: true, severity: 'high', confidence: 'verified', docs: GITHUB_DOCS,
    why: 'full read/write access to all public and private repositories, hooks, invitations and collaborators',
    narrower: '`public_repo` or `repo:status`, or a GitHub App / fine-grained token with `contents:read` on selected repositories',
    examples: { broad: ['repo'], narrow: ['public_repo', 'repo:status', 'read:user'] },
  },
  {
    provider: 'github', match: 'admin:org', severity: 'critical', confidence: 'verified', docs: GITHUB_DOCS,
    why: 'fully manages the organization, its teams, projects and memberships',
    narrower: '`read:org` (or `write:org`)',
    examples: { broad: ['admin:org'], narrow: ['read:org'] },
  },
  {
    provider: 'github', match: /^admin:(?:enterprise|org_hook)$|^site_admin$/, severity: 'critical', confidence: 'verified', docs: GITHUB_DOCS,
    why: 'administers the enterprise, the organization webhooks or the whole server',
    narrower: '`read:enterprise`, or no admin scope at all',
    examples: { broad: ['admin:enterprise', 'admin:org_hook', 'site_admin'], narrow: ['read:enterprise'] },
  },
  {
    provider: 'github', match: /^admin:(?:repo_hook|public_key|gpg_key)$/, severity: 'high', confidence: 'verified', docs: GITHUB_DOCS,
    why: 'full management (including delete) of repository hooks or the user\'s keys',
    narrower: (s) => `\`${s.replace('admin:', 'read:')}\``,
    examples: { broad: ['admin:repo_hook', 'admin:public_key', 'admin:gpg_key'], narrow: ['read:repo_hook', 'read:public_key'] },
  },
  {
    provider: 'github', match: /^(?:delete_repo|delete:packages)$/, severity: 'critical', confidence: 'verified', docs: GITHUB_DOCS,
    why: 'deletes repositories or published packages',
    narrower: 'no delete scope (delete by hand when needed)',
    examples: { broad: ['delete_repo', 'delete:packages'], narrow: ['read:packages'] },
  },
  {
    provider: 'github', match: 'write:packages', severity: 'high', confidence: 'verified', docs: GITHUB_DOCS,
    why: 'publishes packages (a supply-chain foothold)',
    narrower: '`read:packages`',
    examples: { broad: ['write:packages'], narrow: ['read:packages'] },
  },
  {
    provider: 'github', match: /^(?:workflow|codespace)$/, needsProvider: true, severity: 'high', confidence: 'verified', docs: GITHUB_DOCS,
    why: 'edits Actions workflows or creates codespaces, i.e. runs code with the repository\'s credentials',
    narrower: 'no `workflow`/`codespace` scope unless the tool edits workflows',
    examples: { broad: ['workflow', 'codespace'], narrow: ['repo:status'] },
  },
  {
    provider: 'github', match: /^(?:user|gist|project)$/, needsProvider: true, severity: 'medium', confidence: 'verified', docs: GITHUB_DOCS,
    why: 'read/write access to the profile, gists or projects where reading is usually enough',
    narrower: (s) => (s === 'user' ? '`read:user` and `user:email`' : s === 'project' ? '`read:project`' : 'no `gist` scope'),
    examples: { broad: ['user', 'gist', 'project'], narrow: ['read:user', 'user:email', 'read:project'] },
  },

  // --- Google (scopes are URLs) ---
  {
    provider: 'google', match: 'https://mail.google.com/', severity: 'critical', confidence: 'verified', docs: GMAIL_DOCS,
    why: 'full mailbox access over every protocol, including permanent deletion of mail',
    narrower: '`gmail.readonly`, `gmail.metadata`, `gmail.send` or `gmail.labels`',
    examples: { broad: ['https://mail.google.com/'], narrow: [`${G}gmail.send`, `${G}gmail.labels`] },
  },
  {
    provider: 'google', match: /^https:\/\/www\.googleapis\.com\/auth\/gmail\.(?:modify|settings\.sharing)$/, severity: 'high', confidence: 'verified', docs: GMAIL_DOCS,
    why: 'read/write on all mail, or forwarding rules and aliases (a quiet exfiltration channel)',
    narrower: '`gmail.readonly`, `gmail.metadata` or `gmail.send`',
    examples: { broad: [`${G}gmail.modify`, `${G}gmail.settings.sharing`], narrow: [`${G}gmail.metadata`] },
  },
  {
    provider: 'google', match: `${G}drive`, severity: 'high', confidence: 'verified', docs: DRIVE_DOCS,
    why: 'read, write and delete every file in the user\'s Drive (a restricted scope)',
    narrower: '`drive.file` (per-file access) or `drive.appdata`',
    examples: { broad: [`${G}drive`], narrow: [`${G}drive.file`, `${G}drive.appdata`] },
  },
  {
    provider: 'google', match: /^https:\/\/www\.googleapis\.com\/auth\/drive\.(?:readonly|metadata|metadata\.readonly|scripts)$/, severity: 'medium', confidence: 'verified', docs: DRIVE_DOCS,
    why: 'reads every file (or all metadata) in the user\'s Drive (a restricted scope)',
    narrower: '`drive.file` (per-file access)',
    examples: { broad: [`${G}drive.readonly`, `${G}drive.metadata.readonly`], narrow: [`${G}drive.file`] },
  },
  {
    provider: 'gcp', match: `${G}cloud-platform`, severity: 'high', confidence: 'recall', docs: GOOGLE_SCOPES_DOCS,
    why: 'access to every Google Cloud API the identity\'s IAM roles allow',
    narrower: '`cloud-platform.read-only` or a service scope such as `devstorage.read_only`, with narrow IAM roles',
    examples: { broad: [`${G}cloud-platform`], narrow: [`${G}cloud-platform.read-only`, `${G}devstorage.read_only`] },
  },
  {
    provider: 'google', match: /^https:\/\/www\.googleapis\.com\/auth\/admin\.directory\.(?![\w.]*readonly$)[\w.]+$/, severity: 'high', confidence: 'recall', docs: GOOGLE_SCOPES_DOCS,
    why: 'manages Workspace users, groups or devices',
    narrower: (s) => `\`${s.slice(G.length)}.readonly\``,
    examples: { broad: [`${G}admin.directory.user`, `${G}admin.directory.group`], narrow: [`${G}admin.directory.user.readonly`] },
  },
  {
    provider: 'google', match: /^https:\/\/www\.googleapis\.com\/auth\/(?:calendar|spreadsheets|documents)$/, severity: 'medium', confidence: 'recall', docs: GOOGLE_SCOPES_DOCS,
    why: 'read/write on every calendar, sheet or document of the user',
    narrower: (s) => `\`${s.slice(G.length)}.readonly\` (or \`drive.file\` for files the app opens)`,
    examples: { broad: [`${G}calendar`, `${G}spreadsheets`, `${G}documents`], narrow: [`${G}calendar.readonly`, `${G}calendar.events.readonly`] },
  },

  // --- Microsoft Graph ---
  {
    provider: 'microsoft', match: graph('RoleManagement.ReadWrite.Directory'), severity: 'critical', confidence: 'doc', docs: GRAPH_DOCS,
    why: 'lets the app grant any directory role, to itself or any user',
    narrower: '`RoleManagement.Read.Directory` (assign roles out of band)',
    examples: { broad: ['RoleManagement.ReadWrite.Directory'], narrow: ['RoleManagement.Read.Directory'] },
  },
  {
    provider: 'microsoft', match: /^(?:https:\/\/graph\.microsoft\.com\/)?(?:AppRoleAssignment|Application)\.ReadWrite\.All$/i, severity: 'critical', confidence: 'doc', docs: GRAPH_DOCS,
    why: 'lets the app grant itself any permission or add credentials to any app (privilege escalation)',
    narrower: '`Application.ReadWrite.OwnedBy` or `Application.Read.All`',
    examples: { broad: ['Application.ReadWrite.All', 'https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All'], narrow: ['Application.ReadWrite.OwnedBy'] },
  },
  {
    provider: 'microsoft', match: graph('Directory.ReadWrite.All'), severity: 'critical', confidence: 'doc', docs: GRAPH_DOCS,
    why: 'read/write on the entire tenant directory',
    narrower: '`User.Read.All`, `Group.Read.All` or `User.ReadBasic.All`',
    examples: { broad: ['Directory.ReadWrite.All'], narrow: ['User.ReadBasic.All', 'Directory.Read.All'] },
  },
  {
    provider: 'microsoft', match: graph('full_access_as_app'), severity: 'critical', confidence: 'doc', docs: GRAPH_DOCS,
    why: 'full access to every mailbox in the tenant through EWS',
    narrower: 'Graph `Mail.Read` restricted by an Exchange application access policy',
    examples: { broad: ['full_access_as_app'], narrow: ['Mail.Read'] },
  },
  {
    provider: 'microsoft', match: /^(?:https:\/\/graph\.microsoft\.com\/)?Mail\.(?:ReadWrite|Send)(?:\.Shared)?$/i, severity: 'high', confidence: 'doc', docs: GRAPH_DOCS,
    why: 'changes mail or sends as the user (as an application permission: as any user)',
    narrower: '`Mail.Read` or `Mail.ReadBasic`, delegated only',
    examples: { broad: ['Mail.ReadWrite', 'Mail.Send', 'https://graph.microsoft.com/Mail.Send'], narrow: ['Mail.Read', 'Mail.ReadBasic'] },
  },
  {
    provider: 'microsoft', match: /^(?:https:\/\/graph\.microsoft\.com\/)?Sites\.(?:FullControl|Manage)\.All$/i, severity: 'high', confidence: 'doc', docs: GRAPH_DOCS,
    why: 'controls every SharePoint site',
    narrower: '`Sites.Selected` (granted per site)',
    examples: { broad: ['Sites.FullControl.All', 'Sites.Manage.All'], narrow: ['Sites.Selected'] },
  },
  {
    provider: 'microsoft', match: /^(?:https:\/\/graph\.microsoft\.com\/)?\w+\.ReadWrite\.All$/i, severity: 'high', confidence: 'doc', docs: GRAPH_DOCS,
    why: 'tenant-wide write access to a whole data domain',
    narrower: (s) => {
      const base = stripGraph(s).replace(/\.ReadWrite\.All$/i, '');
      return `\`${base}.Read.All\`, or a per-resource permission (\`${base}.ReadWrite\`, \`${base}.ReadWrite.Selected\`)`;
    },
    examples: { broad: ['Files.ReadWrite.All', 'User.ReadWrite.All', 'https://graph.microsoft.com/Group.ReadWrite.All'], narrow: ['Files.ReadWrite', 'Files.Read.Selected', 'User.Read'] },
  },

  // --- Slack ---
  {
    provider: 'slack', match: 'admin', needsProvider: true, severity: 'critical', confidence: 'doc', docs: SLACK_DOCS,
    why: 'administers the workspace (access logs, SCIM and other admin APIs)',
    narrower: 'no `admin` scope; a specific `admin.*:read` scope if needed',
    examples: { broad: ['admin'], narrow: ['admin.users:read', 'users:read'] },
  },
  {
    provider: 'slack', match: /^admin\.[\w.]+:write$/, severity: 'critical', confidence: 'doc', docs: SLACK_DOCS,
    why: 'organization-wide admin write APIs (Enterprise Grid)',
    narrower: (s) => `\`${s.replace(/:write$/, ':read')}\``,
    examples: { broad: ['admin.users:write', 'admin.conversations:write'], narrow: ['admin.users:read'] },
  },
  {
    provider: 'slack', match: 'client', needsProvider: true, severity: 'high', confidence: 'doc', docs: SLACK_DOCS,
    why: 'the legacy omnibus scope of classic apps (RTM), far beyond what a bot needs',
    narrower: 'granular bot scopes such as `chat:write` and `channels:read`, with the Events API or Socket Mode',
    examples: { broad: ['client'], narrow: ['chat:write', 'channels:read'] },
  },
  {
    provider: 'slack', match: /^(?:chat:write\.customize|chat:write:user|im:history|mpim:history)$/, severity: 'medium', confidence: 'doc', docs: SLACK_DOCS,
    why: 'posts under any name/avatar or as the user, or reads direct-message archives',
    narrower: '`chat:write` (and `channels:history` only where needed)',
    examples: { broad: ['chat:write.customize', 'im:history', 'mpim:history'], narrow: ['chat:write', 'channels:history'] },
  },

  // --- GitLab ---
  {
    provider: 'gitlab', match: /^(?:sudo|admin_mode)$/, needsProvider: true, severity: 'critical', confidence: 'doc', docs: GITLAB_DOCS,
    why: 'acts as any user or performs administrator API actions',
    narrower: 'no `sudo`/`admin_mode` scope',
    examples: { broad: ['sudo', 'admin_mode'], narrow: ['read_user'] },
  },
  {
    provider: 'gitlab', match: 'api', needsProvider: true, severity: 'high', confidence: 'doc', docs: GITLAB_DOCS,
    why: 'complete read/write access to the API, including the container and package registries',
    narrower: '`read_api`, `read_repository` or `read_user`',
    examples: { broad: ['api'], narrow: ['read_api', 'read_repository'] },
  },
  {
    provider: 'gitlab', match: /^write_(?:repository|registry)$/, needsProvider: true, severity: 'high', confidence: 'doc', docs: GITLAB_DOCS,
    why: 'pushes code or container images',
    narrower: (s) => `\`${s.replace('write_', 'read_')}\``,
    examples: { broad: ['write_repository', 'write_registry'], narrow: ['read_repository', 'read_registry'] },
  },

  // --- Atlassian ---
  {
    provider: 'atlassian', match: /^manage:(?:jira|confluence)-configuration$/, severity: 'critical', confidence: 'doc', docs: JIRA_DOCS,
    why: 'administers the Jira or Confluence site configuration',
    narrower: '`read:jira-work` / `read:confluence-content.all`, or granular `read:*` scopes',
    examples: { broad: ['manage:jira-configuration', 'manage:confluence-configuration'], narrow: ['read:jira-work'] },
  },
  {
    provider: 'atlassian', match: 'manage:jira-project', severity: 'high', confidence: 'doc', docs: JIRA_DOCS,
    why: 'creates, edits and deletes projects and their settings',
    narrower: '`read:jira-work` or `write:jira-work`',
    examples: { broad: ['manage:jira-project'], narrow: ['read:jira-work'] },
  },
  {
    provider: 'atlassian', match: /^write:(?:jira-work|confluence-content)$/, severity: 'medium', confidence: 'doc', docs: CONFLUENCE_DOCS,
    why: 'writes every issue or page the user can see',
    narrower: 'granular scopes such as `write:comment:jira` or `write:page:confluence`, or `read:jira-work`',
    examples: { broad: ['write:jira-work', 'write:confluence-content'], narrow: ['read:jira-work', 'write:comment:jira'] },
  },

  // --- Salesforce ---
  {
    provider: 'salesforce', match: 'full', needsProvider: true, severity: 'critical', confidence: 'doc', docs: SALESFORCE_DOCS,
    why: 'all data the user can access, and every other scope',
    narrower: '`api` with `id`/`openid` (or a product scope such as `chatter_api`)',
    examples: { broad: ['full'], narrow: ['api', 'openid'] },
  },

  // --- Linear ---
  {
    provider: 'linear', match: 'admin', needsProvider: true, severity: 'critical', confidence: 'doc', docs: LINEAR_DOCS,
    why: 'full access to admin-level endpoints ("never ask for this permission unless it\'s absolutely needed")',
    narrower: '`read` plus targeted scopes such as `issues:create` or `comments:create`',
    examples: { broad: ['admin'], narrow: ['read', 'issues:create'] },
  },
  {
    provider: 'linear', match: 'write', needsProvider: true, severity: 'high', confidence: 'doc', docs: LINEAR_DOCS,
    why: 'writes everything in the workspace',
    narrower: '`issues:create` or `comments:create`',
    examples: { broad: ['write'], narrow: ['read', 'comments:create'] },
  },

  // --- Stripe Connect ---
  {
    provider: 'stripe', match: 'read_write', needsProvider: true, severity: 'high', confidence: 'doc', docs: STRIPE_DOCS,
    why: 'full read and write access to the connected account',
    narrower: '`read_only` (Extensions), or a restricted key (`rk_…`) with per-resource permissions',
    examples: { broad: ['read_write'], narrow: ['read_only'] },
  },

  // --- Shopify ---
  {
    provider: 'shopify', match: /^write_(?:customers|script_tags|themes)$/, severity: 'high', confidence: 'doc', docs: SHOPIFY_DOCS,
    why: 'writes protected customer data, or injects scripts and themes into the storefront',
    narrower: (s) => `\`${s.replace('write_', 'read_')}\``,
    examples: { broad: ['write_customers', 'write_script_tags', 'write_themes'], narrow: ['read_customers', 'read_themes'] },
  },
  {
    provider: 'shopify', match: 'read_all_orders', severity: 'medium', confidence: 'doc', docs: SHOPIFY_DOCS,
    why: 'every order ever placed, beyond the default recent window',
    narrower: '`read_orders` (the last 60 days)',
    examples: { broad: ['read_all_orders'], narrow: ['read_orders'] },
  },
  {
    provider: 'shopify', match: /^write_\w+$/, needsProvider: true, severity: 'medium', confidence: 'doc', docs: SHOPIFY_DOCS,
    why: 'a write scope, which also grants read; request it only when the app writes',
    narrower: (s) => `\`${s.replace('write_', 'read_')}\``,
    examples: { broad: ['write_orders', 'write_products'], narrow: ['read_orders', 'read_products'] },
  },

  // --- Discord (OAuth user scopes; bot permission bits are DISCORD_PERMISSION_BITS) ---
  {
    provider: 'discord', match: 'guilds.join', severity: 'medium', confidence: 'recall', docs: 'https://discord.com/developers/docs/topics/oauth2#shared-resources-oauth2-scopes',
    why: 'adds the user to any guild the bot is in',
    narrower: '`identify` and `guilds` (read the user\'s guilds)',
    examples: { broad: ['guilds.join'], narrow: ['identify', 'guilds'] },
  },

  // --- Dropbox ---
  {
    provider: 'dropbox', match: /^team_data\.(?:member|team_space)$/, severity: 'medium', confidence: 'recall', docs: DROPBOX_DOCS,
    why: 'a team token that acts as any team member (Dropbox-API-Select-User)',
    narrower: 'a user-linked app with `files.content.read` / `files.metadata.read`, in an App folder',
    examples: { broad: ['team_data.member', 'team_data.team_space'], narrow: ['files.metadata.read'] },
  },
  {
    provider: 'dropbox', match: /^(?:files\.permanent_delete|members\.(?:write|delete))$/, needsProvider: true, severity: 'medium', confidence: 'recall', docs: DROPBOX_DOCS,
    why: 'permanently deletes files, or adds and removes team members',
    narrower: '`files.content.read`, `files.metadata.read` (and `files.content.write` only if the app writes)',
    examples: { broad: ['files.permanent_delete', 'members.delete'], narrow: ['files.content.read', 'files.metadata.read'] },
  },

  // --- Cloud IAM wildcards and basic roles ---
  {
    provider: 'aws', field: 'iam-action', match: /^(?:\*|iam:\*)$/, severity: 'critical', confidence: 'recall', docs: AWS_DOCS,
    why: 'every action (or every IAM action, which can grant every action)',
    narrower: 'the specific actions used (e.g. `s3:GetObject`), on specific resources',
    examples: { broad: ['*', 'iam:*'], narrow: ['s3:GetObject', 'iam:GetRole'] },
  },
  {
    provider: 'aws', field: 'iam-action', match: /^[\w-]+:\*$/, severity: 'high', confidence: 'recall', docs: AWS_DOCS,
    why: 'every action of the service, including deletes',
    narrower: (s) => `the specific \`${s.slice(0, -1)}…\` actions used (e.g. \`${s.slice(0, -1)}Get…\`)`,
    examples: { broad: ['s3:*', 'dynamodb:*'], narrow: ['s3:GetObject', 's3:Get*'] },
  },
  {
    provider: 'aws', field: 'iam-role', match: /^arn:aws:iam::aws:policy\/(?:AdministratorAccess|IAMFullAccess)$/, severity: 'critical', confidence: 'recall', docs: AWS_DOCS,
    why: 'an AWS managed policy that grants full administrative (or full IAM) access',
    narrower: 'a customer-managed policy listing the actions used',
    examples: { broad: ['arn:aws:iam::aws:policy/AdministratorAccess'], narrow: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'] },
  },
  {
    provider: 'aws', field: 'iam-role', match: 'arn:aws:iam::aws:policy/PowerUserAccess', severity: 'high', confidence: 'recall', docs: AWS_DOCS,
    why: 'an AWS managed policy that grants every action except IAM management',
    narrower: 'a customer-managed policy listing the actions used',
    examples: { broad: ['arn:aws:iam::aws:policy/PowerUserAccess'], narrow: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] },
  },
  {
    provider: 'gcp', field: 'iam-role', match: 'roles/owner', severity: 'critical', confidence: 'recall', docs: GCP_DOCS,
    why: 'the basic Owner role: every permission on the project, including IAM',
    narrower: 'a predefined role for the service used (e.g. `roles/storage.objectViewer`)',
    examples: { broad: ['roles/owner'], narrow: ['roles/storage.objectViewer'] },
  },
  {
    provider: 'gcp', field: 'iam-role', match: 'roles/editor', severity: 'high', confidence: 'recall', docs: GCP_DOCS,
    why: 'the basic Editor role: write access to almost every resource in the project',
    narrower: 'a predefined role for the service used (e.g. `roles/storage.objectAdmin` on one bucket)',
    examples: { broad: ['roles/editor'], narrow: ['roles/viewer', 'roles/storage.objectViewer'] },
  },
];

/** Discord bot permission bits that are dangerous in an invite (`permissions=<int>`), checked numerically. */
export interface DiscordPermissionBit {
  name: string;
  /** discord.js `PermissionFlagsBits` key. */
  flag: string;
  bit: bigint;
  severity: Exclude<ScopeSeverity, 'info'>;
  confidence: 'verified' | 'recall';
}

export const DISCORD_PERMISSION_BITS: readonly DiscordPermissionBit[] = [
  { name: 'ADMINISTRATOR', flag: 'Administrator', bit: 1n << 3n, severity: 'critical', confidence: 'verified' },
  { name: 'MANAGE_GUILD', flag: 'ManageGuild', bit: 1n << 5n, severity: 'high', confidence: 'verified' },
  { name: 'MANAGE_CHANNELS', flag: 'ManageChannels', bit: 1n << 4n, severity: 'high', confidence: 'verified' },
  { name: 'BAN_MEMBERS', flag: 'BanMembers', bit: 1n << 2n, severity: 'high', confidence: 'verified' },
  { name: 'KICK_MEMBERS', flag: 'KickMembers', bit: 1n << 1n, severity: 'medium', confidence: 'verified' },
  { name: 'MANAGE_ROLES', flag: 'ManageRoles', bit: 1n << 28n, severity: 'medium', confidence: 'recall' },
  { name: 'MANAGE_WEBHOOKS', flag: 'ManageWebhooks', bit: 1n << 29n, severity: 'medium', confidence: 'recall' },
];

/** VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY: what a typical chat bot needs. */
export const DISCORD_MINIMAL_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 16n);

/** Dangerous bits set in a Discord permission integer (number, bigint, or a decimal string of any size). */
export function dangerousDiscordBits(value: string | number | bigint): DiscordPermissionBit[] {
  let n: bigint;
  if (typeof value === 'bigint') n = value;
  else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) return [];
    n = BigInt(value);
  } else {
    if (!/^\d{1,40}$/.test(value.trim())) return [];
    n = BigInt(value.trim());
  }
  return DISCORD_PERMISSION_BITS.filter((b) => (n & b.bit) === b.bit);
}

export interface ScopeToken {
  /** Decoded scope (`%3A` → `:`). */
  value: string;
  /** Offset and length of the token as written in the input. */
  offset: number;
  length: number;
}

/** Splits a scope string the ways providers join them: spaces, commas, `+` and `%20`/`%2C` in URLs. */
export function splitScopes(text: string): ScopeToken[] {
  const out: ScopeToken[] = [];
  const push = (start: number, end: number) => {
    if (end <= start) return;
    const raw = text.slice(start, end);
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // a malformed escape: keep the token as written
    }
    out.push({ value, offset: start, length: raw.length });
  };
  const separators = /(?:\s|,|\+|%20|%2c)+/gi;
  let start = 0;
  for (let m = separators.exec(text); m; m = separators.exec(text)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

/** Providers named by a piece of surrounding text (URL host, identifiers, import sources), from PROVIDERS' hints. */
export function providersIn(text: string): Set<ScopeProvider> {
  const lower = text.toLowerCase();
  const out = new Set<ScopeProvider>();
  for (const [id, info] of Object.entries(PROVIDERS) as Array<[ScopeProvider, ProviderInfo]>) {
    if (lower === id || info.hints.some((h) => lower.includes(h))) out.add(id);
  }
  return out;
}

export interface BroadScopeMatch {
  token: ScopeToken;
  entry: BroadScope;
  providerName: string;
  narrower: string;
}

function matches(entry: BroadScope, scope: string): boolean {
  return typeof entry.match === 'string' ? entry.match === scope : entry.match.test(scope);
}

/**
 * Broad scopes in a scope string. `providerHint` is surrounding text (or a provider id, or a set of providers);
 * entries marked `needsProvider` only match when it names their provider.
 */
export function findBroadScopes(
  scopeString: string,
  providerHint?: string | ReadonlySet<ScopeProvider>,
  field: ScopeField = 'scope',
): BroadScopeMatch[] {
  const providers = typeof providerHint === 'string' ? providersIn(providerHint) : (providerHint ?? new Set<ScopeProvider>());
  const out: BroadScopeMatch[] = [];
  for (const token of splitScopes(scopeString)) {
    const entry = BROAD_SCOPES.find(
      (e) => (e.field ?? 'scope') === field && (!e.needsProvider || providers.has(e.provider)) && matches(e, token.value),
    );
    if (!entry) continue;
    const narrower = typeof entry.narrower === 'string' ? entry.narrower : entry.narrower(token.value);
    out.push({ token, entry, providerName: PROVIDERS[entry.provider].name, narrower });
  }
  return out;
}
