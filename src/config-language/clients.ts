import picomatch from 'picomatch';
import type { ReferenceSyntaxId } from './references.js';
import type { ConfigFormat } from './tree.js';

/**
 * Every MCP client config we read, as data (reference §6.1): where its files sit, where its servers are, how each
 * server's fields are spelled, and which reference syntaxes it expands. Rules never test a client id: they read
 * the model (model.ts) built from this table.
 */
export interface ClientSpec {
  id: string;
  /** Human name, used in messages. */
  name: string;
  /** Globs matched against the file path, wherever the file sits in the tree. The format follows the extension. */
  files: string[];
  /**
   * The file name is shared with unrelated tools (`settings.json`, `config.yaml`): the file is this client's only
   * when its servers key is present, and a file without that key is not even parsed.
   */
  generic?: boolean;
  /**
   * Path of the servers container: an object keyed by server name, or a list of objects with `name`.
   * `[]` = the document itself is one settings block (Claude Code settings); null = no servers (package.json).
   */
  servers: string[] | null;
  /** Spelling of each server field (first present wins). A `command` array is an argv (opencode). */
  fields: { command: string[]; args: string[]; env: string[]; url: string[]; headers: string[] };
  /** Reference syntaxes the client expands; 'unknown' = client not known precisely, so every syntax gets credit. */
  expands: ReferenceSyntaxId[] | 'unknown';
  /** Fields whose values are environment-variable *names* (Codex `env_vars`, Goose `env_keys`): never secrets. */
  byName?: string[];
  /**
   * Top-level keys (globs, case-insensitive) holding OAuth scopes that the servers configured by this file will
   * request (dotenv templates: `GITHUB_SCOPES=repo`). Read by no-broad-oauth-scopes-in-mcp-config.
   */
  scopeKeys?: string[];
}

const STDIO_AND_HTTP = { command: ['command'], args: ['args'], env: ['env'], url: ['url'], headers: ['headers'] };

// Clients listed twice: once at their documented path, once under a generic name decided by content.
const CODEX: ClientSpec = {
  id: 'codex',
  name: 'OpenAI Codex',
  files: [],
  servers: ['mcp_servers'],
  fields: { ...STDIO_AND_HTTP, headers: ['http_headers'] },
  expands: [],
  byName: ['env_vars', 'bearer_token_env_var', 'env_http_headers'],
};
const ZED: ClientSpec = { id: 'zed', name: 'Zed', files: [], servers: ['context_servers'], fields: STDIO_AND_HTTP, expands: [] };
const OTHER_MCP_JSON: ClientSpec = { id: 'mcp-json', name: 'MCP client', files: ['**/mcp.json'], generic: true, servers: [], fields: STDIO_AND_HTTP, expands: 'unknown' };

export const CLIENTS: ClientSpec[] = [
  { id: 'claude-code', name: 'Claude Code', files: ['**/.mcp.json'], servers: ['mcpServers'], fields: STDIO_AND_HTTP, expands: ['dollar-brace', 'user-config'] },
  {
    id: 'claude-code-settings',
    name: 'Claude Code settings',
    files: ['**/.claude/settings.json', '**/.claude/settings.local.json'],
    servers: [],
    // Only `env` is passed to servers; the rest of the file is client settings.
    fields: { command: [], args: [], env: ['env'], url: [], headers: [] },
    expands: [],
  },
  { id: 'claude-desktop', name: 'Claude Desktop', files: ['**/claude_desktop_config.json'], servers: ['mcpServers'], fields: STDIO_AND_HTTP, expands: [] },
  { id: 'cursor', name: 'Cursor', files: ['**/.cursor/mcp.json'], servers: ['mcpServers'], fields: STDIO_AND_HTTP, expands: ['env-colon', 'editor-variable'] },
  { id: 'vscode', name: 'VS Code', files: ['**/.vscode/mcp.json'], servers: ['servers'], fields: STDIO_AND_HTTP, expands: ['env-colon', 'input', 'editor-variable'] },
  {
    id: 'windsurf',
    name: 'Windsurf',
    files: ['**/mcp_config.json'],
    servers: ['mcpServers'],
    fields: { ...STDIO_AND_HTTP, url: ['serverUrl', 'url'] },
    expands: ['env-colon', 'file-colon'],
  },
  { id: 'cline', name: 'Cline', files: ['**/cline_mcp_settings.json'], servers: ['mcpServers'], fields: STDIO_AND_HTTP, expands: [] },
  { id: 'roo', name: 'Roo Code', files: ['**/.roo/mcp.json'], servers: ['mcpServers'], fields: STDIO_AND_HTTP, expands: ['env-colon'] },
  { id: 'kilo', name: 'Kilo Code', files: ['**/.kilocode/mcp.json'], servers: ['mcpServers'], fields: STDIO_AND_HTTP, expands: [] },
  {
    id: 'gemini',
    name: 'Gemini CLI',
    files: ['**/.gemini/settings.json', '**/.qwen/settings.json'],
    servers: ['mcpServers'],
    fields: { ...STDIO_AND_HTTP, url: ['httpUrl', 'url'] },
    expands: ['dollar-brace', 'dollar'],
  },
  { ...CODEX, files: ['**/.codex/config.toml'] },
  { ...CODEX, files: ['**/config.toml'], generic: true },
  { ...ZED, files: ['**/.zed/settings.json'] },
  { ...ZED, files: ['**/zed/settings.json'], generic: true },
  {
    id: 'continue',
    name: 'Continue',
    files: ['**/.continue/mcpServers/*.{yaml,yml,json}', '**/.continue/config.yaml'],
    servers: ['mcpServers'],
    fields: STDIO_AND_HTTP,
    expands: ['template-secrets'],
  },
  {
    id: 'opencode',
    name: 'opencode',
    files: ['**/opencode.json', '**/opencode.jsonc'],
    servers: ['mcp'],
    fields: { ...STDIO_AND_HTTP, env: ['environment'] },
    expands: ['brace-env', 'brace-file'],
  },
  {
    id: 'goose',
    name: 'Goose',
    files: ['**/config.yaml', '**/config.yml'],
    generic: true,
    servers: ['extensions'],
    fields: { command: ['cmd'], args: ['args'], env: ['envs'], url: ['uri'], headers: ['headers'] },
    expands: [],
    byName: ['env_keys'],
  },
  {
    id: 'amazon-q',
    name: 'Amazon Q Developer',
    files: ['**/.amazonq/mcp.json', '**/.amazonq/default.json', '**/amazonq/mcp.json', '**/amazonq/default.json'],
    servers: ['mcpServers'],
    fields: STDIO_AND_HTTP,
    expands: [],
  },
  // Other `mcp.json` files (JetBrains Air, Kiro, LM Studio, ...): the shape is common, the client is not known.
  { ...OTHER_MCP_JSON, servers: ['mcpServers'] },
  { ...OTHER_MCP_JSON, servers: ['servers'] },
  // Not a client: the environment template of a project (never the real `.env`, which holds real secrets and is
  // usually git-ignored). Documents the defaults a server is started with, scopes included.
  {
    id: 'dotenv-template',
    name: 'Environment template',
    files: ['**/.env.example', '**/.env.sample', '**/.env.template', '**/*.env.example'],
    servers: null,
    fields: STDIO_AND_HTTP,
    expands: [],
    scopeKeys: ['scope', 'scopes', '*_scope', '*_scopes'],
  },
  // Not a client: an MCP server's own manifest, read for dependency advisories.
  { id: 'npm-package', name: 'package.json', files: ['**/package.json'], servers: null, fields: STDIO_AND_HTTP, expands: [] },
];

/** Every glob of the table: the files the config language reads. */
export const CLIENT_FILE_GLOBS: string[] = [...new Set(CLIENTS.flatMap((c) => c.files))];

const matchers = CLIENTS.map((c) => picomatch(c.files, { dot: true }));

/** Clients whose file globs match `path` (absolute or relative; any separator), most specific first. */
export function clientsForPath(path: string): ClientSpec[] {
  const p = path.replace(/\\/g, '/').replace(/^[A-Za-z]:/, '').replace(/^\/+/, '');
  return CLIENTS.filter((_, i) => matchers[i](p));
}

export function formatForPath(path: string): ConfigFormat {
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/(?:^|[\\/.])env\.(?:example|sample|template)$/i.test(path)) return 'dotenv';
  if (/\.toml$/i.test(path)) return 'toml';
  return 'json';
}
