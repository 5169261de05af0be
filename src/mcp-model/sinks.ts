// Risky sinks: calls that change the world. A tool whose handler reaches one is risky, whatever its name or
// annotations say. DATA: each entry carries an example that must match it (test/mcp-model/sinks.test.ts).
import type { TSESTree } from '@typescript-eslint/types';
import { calleeName, literalString, memberPath, objectProperty, unwrap, type Node } from './ast.js';
import type { ModuleCtx } from './resolve.js';

export type SinkCategory =
  | 'process-exec'
  | 'code-eval'
  | 'fs-write'
  | 'http-mutation'
  | 'db-write'
  | 'payment'
  | 'deploy'
  | 'message-send'
  | 'cloud-mutation'
  | 'repo-mutation';

type Matcher =
  /** A function imported from one of `modules` (named import, or member of a namespace/default/require import). */
  | { modules: string[]; names: string[] }
  /** A member path ending with these segments, e.g. `stripe.refunds.create`. */
  | { suffix: string[] }
  /**
   * A method chain on an SDK client ending with a mutating verb (`client.kv.namespaces.delete`, `gcs.bucket(b).file(f)
   * .delete()`): the root is one of `roots`, named like a client (`client`, `cfClient`, `this.sdk`), constructed as one
   * (`new Cloudflare()`, `new S3Client()`), or taken from one (`const bucket = gcs.bucket(b)`); no segment is in `reading`
   * (resources that generate rather than change) or `inProcess` (the client's own objects in memory:
   * `client.headers.delete('x-api-key')` edits a request header, not a remote resource).
   */
  | { sdkChain: { roots: string[]; verb: RegExp; reading: string[]; inProcess: string[] } }
  /** A call or member path whose root is one of `roots` and whose method matches `method`. */
  | { roots: string[]; method: RegExp }
  /** Any callee name (bare or member) matching `callee`; with `argProperty`, only when an object argument has it. */
  | { callee: RegExp; argProperty?: string }
  /** `new X(...)` with X matching. */
  | { construct: RegExp }
  /** A call whose first argument is SQL text starting with a writing statement. */
  | { sqlWrite: true }
  /** fetch/axios/got/ky calls with a mutating HTTP method. */
  | { httpMutation: true };

export interface SinkDef {
  id: string;
  category: SinkCategory;
  match: Matcher;
  /** Code that must match this entry (tested). */
  example: string;
}

const CHILD_PROCESS = ['child_process', 'node:child_process'];
const FS = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'graceful-fs'];

export const SINKS: readonly SinkDef[] = [
  { id: 'child_process', category: 'process-exec', match: { modules: CHILD_PROCESS, names: ['exec', 'execSync', 'spawn', 'spawnSync', 'execFile', 'execFileSync', 'fork'] }, example: "import { exec } from 'node:child_process'; exec(cmd);" },
  { id: 'execa', category: 'process-exec', match: { modules: ['execa', 'zx', 'shelljs'], names: ['execa', 'execaSync', 'execaCommand', '$', 'exec'] }, example: "import { execa } from 'execa'; await execa('git', ['push']);" },
  { id: 'bun-spawn', category: 'process-exec', match: { roots: ['Bun', 'Deno'], method: /^(spawn|spawnSync|run)$/ }, example: "Bun.spawn(['rm', path]);" },
  { id: 'process-kill', category: 'process-exec', match: { suffix: ['process', 'kill'] }, example: 'process.kill(pid);' },
  { id: 'eval', category: 'code-eval', match: { callee: /^eval$/ }, example: 'eval(code);' },
  { id: 'new-function', category: 'code-eval', match: { construct: /^Function$/ }, example: "new Function('x', body);" },
  { id: 'vm', category: 'code-eval', match: { modules: ['vm', 'node:vm'], names: ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction'] }, example: "import vm from 'node:vm'; vm.runInNewContext(src);" },
  {
    id: 'fs-write',
    category: 'fs-write',
    match: {
      modules: FS,
      names: [
        'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync',
        'rename', 'renameSync', 'chmod', 'chmodSync', 'chown', 'chownSync', 'createWriteStream', 'copyFile', 'copyFileSync',
        'truncate', 'truncateSync', 'mkdir', 'mkdirSync', 'symlink', 'outputFile', 'outputJson', 'remove', 'removeSync', 'emptyDir', 'move',
      ],
    },
    example: "import { promises as fs } from 'node:fs'; await fs.unlink(path);",
  },
  { id: 'rimraf', category: 'fs-write', match: { modules: ['rimraf', 'del'], names: ['rimraf', 'deleteAsync', 'sync', 'default'] }, example: "import { rimraf } from 'rimraf'; await rimraf(dir);" },
  { id: 'http-mutation', category: 'http-mutation', match: { httpMutation: true }, example: "await fetch(url, { method: 'DELETE' });" },
  { id: 'sql-write', category: 'db-write', match: { sqlWrite: true }, example: "await db.query('DELETE FROM users WHERE id = $1', [id]);" },
  { id: 'prisma-write', category: 'db-write', match: { roots: ['prisma', 'db', 'tx'], method: /^(delete|deleteMany|update|updateMany|create|createMany|upsert|\$executeRaw|\$executeRawUnsafe)$/ }, example: 'await prisma.user.deleteMany({ where: {} });' },
  { id: 'mongo-write', category: 'db-write', match: { callee: /^(insertOne|insertMany|updateOne|updateMany|replaceOne|deleteOne|deleteMany|findOneAndDelete|findOneAndUpdate|findOneAndReplace|bulkWrite|dropCollection|dropDatabase)$/ }, example: 'await users.deleteMany({});' },
  // `stream.destroy()` is not a write: Sequelize's destroy always takes `{ where }`.
  { id: 'orm-destroy', category: 'db-write', match: { callee: /^destroy$/, argProperty: 'where' }, example: 'await User.destroy({ where: { id } });' },
  { id: 'kv-write', category: 'db-write', match: { suffix: ['KV', 'delete'] }, example: 'await env.KV.delete(key);' },
  { id: 'stripe', category: 'payment', match: { roots: ['stripe'], method: /^(create|confirm|capture|cancel|del|update|pay|refund)/ }, example: 'await stripe.refunds.create({ charge });' },
  { id: 'payment-call', category: 'payment', match: { callee: /^(refund|chargeCard|createCharge|createRefund|createPayout|transferFunds|capturePayment)$/ }, example: 'await payments.refund(orderId);' },
  { id: 'deploy', category: 'deploy', match: { callee: /^(deploy|createDeployment|triggerDeploy|triggerDeployment|promoteDeployment|redeploy)$/ }, example: 'await vercel.createDeployment({ name });' },
  { id: 'send-mail', category: 'message-send', match: { callee: /^(sendMail|sendEmail|sendSms|sendMessage|postMessage|sendTemplate)$/ }, example: 'await transporter.sendMail({ to, subject });' },
  { id: 'email-api', category: 'message-send', match: { suffix: ['emails', 'send'] }, example: 'await resend.emails.send({ to });' },
  { id: 'aws-command', category: 'cloud-mutation', match: { construct: /^(Delete|Put|Terminate|Stop|Run|Create|Update|Modify|Attach|Detach|Invoke|Publish|Start|Reboot|Remove|Revoke|Authorize|Copy|Restore|Send)\w*Command$/ }, example: 'await s3.send(new DeleteObjectCommand({ Bucket, Key }));' },
  {
    id: 'cloud-sdk',
    category: 'cloud-mutation',
    match: {
      sdkChain: {
        roots: ['s3', 'ec2', 'iam', 'lambda', 'sqs', 'sns', 'dynamodb', 'storage', 'compute', 'gcs', 'cf', 'cloudflare', 'vercel', 'netlify', 'heroku', 'supabase', 'k8s', 'docker'],
        verb: /^(delete|create|update|remove|put|destroy|terminate|stop|reboot|modify|attach|detach|invoke|publish|revoke|purge|deploy|rollback|replace|upsert|insert|edit|reset|rotate|transfer|disable|enable|batchDelete|batchWrite)([A-Z]\w*)?$/,
        // LLM SDK resources: `client.messages.create` / `client.chat.completions.create` generate text, not change state.
        reading: ['chat', 'completions', 'embeddings', 'messages', 'responses', 'moderations', 'images', 'audio', 'threads', 'runs'],
        inProcess: ['headers', 'searchParams', 'cookies', 'cache', 'options', 'defaults', 'config', 'settings', 'env', 'listeners', 'handlers', 'interceptors', 'attributes', 'metadata'],
      },
    },
    example: 'await ec2.terminateInstances({ InstanceIds: [id] }).promise();',
  },
  { id: 'octokit', category: 'repo-mutation', match: { roots: ['octokit', 'github', 'gitlab'], method: /^(create|update|delete|remove|merge|add|set|transfer|dismiss|lock)/ }, example: 'await octokit.rest.repos.delete({ owner, repo });' },
];

const MUTATING_HTTP = /^(post|put|patch|delete)$/i;
const HTTP_CLIENTS = new Set(['axios', 'got', 'ky', 'superagent', 'request', 'ofetch', '$fetch', 'undici']);
/** Receivers named like an HTTP client (`apiClient`, `httpService`, `api`), not `clients` or `clientMap`. */
const HTTP_CLIENT_NAME = /^(api|http)|(client|api|http)$/i;
/** Collections: `clients.delete(id)` on a Map is not an HTTP DELETE. */
const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);
/** POST endpoints that read (search and query APIs take their query as a body): not a mutation. */
const READING_POST_PATH = /\/(_?search|query|lookup|find|_?count|embeddings|completions)\/?(\?.*)?$/i;
/** Variables named like an SDK client: `client`, `cfClient`, `githubSdk` (not `clients`, a collection). */
const SDK_CLIENT_NAME = /(^|[a-z0-9_])(client|sdk)$/i;
/** Classes whose instances are SDK clients: `new S3Client()`, `new Cloudflare()`, `new Octokit()`. */
const SDK_CLIENT_CLASS = /(Client|SDK|Sdk)$|^(Cloudflare|Octokit|Stripe|Storage|Gitlab|Vercel|Heroku)$/;
const SQL_WRITE = /^\s*(insert|update|delete|drop|truncate|alter|grant|revoke|create|replace|merge)\b/i;
const SQL_CALLS = new Set(['query', 'execute', 'exec', 'run', 'raw', 'sql', 'unsafe', 'prepare', 'none', 'any', 'one', 'many', 'all', 'batch', '$executeRawUnsafe', '$queryRawUnsafe']);

export interface SinkMatch {
  def: SinkDef;
  /** What was called, for messages: `exec`, `fetch DELETE`, `SQL DELETE`. */
  label: string;
}

function sqlText(node: Node | undefined): string | null {
  if (!node) return null;
  const n = unwrap(node);
  if (n.type === 'TemplateLiteral') return n.quasis.map((q) => q.value.cooked ?? '').join('?');
  if (n.type === 'BinaryExpression' && n.operator === '+') return sqlText(n.left);
  return literalString(n);
}

/** The URL of a request as written: a string, or a template with its holes as '*' (`${base}/search`). */
function urlText(node: Node | undefined): string | null {
  if (!node) return null;
  const n = unwrap(node);
  return n.type === 'TemplateLiteral' ? n.quasis.map((q) => q.value.cooked ?? '').join('*') : literalString(n);
}

function isCollection(ctx: ModuleCtx, name: string): boolean {
  const init = ctx.index.values.get(name);
  const u = init && unwrap(init);
  return u?.type === 'NewExpression' && u.callee.type === 'Identifier' && COLLECTIONS.has(u.callee.name);
}

/** Whether a chain's root is an SDK client (see the `sdkChain` matcher); one hop through `const x = client.y(…)`. */
function isSdkClient(ctx: ModuleCtx, root: string, roots: readonly string[], hops = 1): boolean {
  if (isCollection(ctx, root)) return false;
  if (roots.includes(root) || SDK_CLIENT_NAME.test(root)) return true;
  const init = ctx.index.values.get(root);
  const u = init && unwrap(init);
  if (u?.type === 'NewExpression') return SDK_CLIENT_CLASS.test(memberPath(u.callee)?.pop() ?? '');
  const from = u && (u.type === 'CallExpression' || u.type === 'MemberExpression') ? memberPath(u)?.[0] : null;
  return !!from && from !== root && hops > 0 && isSdkClient(ctx, from.replace(/\(\)$/, ''), roots, hops - 1);
}

function httpMethod(ctx: ModuleCtx, call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const path = memberPath(call.callee);
  if (!path) return null;
  const root = path[0];
  const last = path[path.length - 1];
  let method: string | null = null;
  if (path.length === 1 && (root === 'fetch' || HTTP_CLIENTS.has(root))) {
    const options = call.arguments.find((a) => unwrap(a).type === 'ObjectExpression');
    method = literalString(objectProperty(options, 'method'));
  } else if (path.length === 2 && (HTTP_CLIENTS.has(root) || HTTP_CLIENT_NAME.test(root)) && !isCollection(ctx, root)) {
    // `api.delete(url)`: HTTP verbs sit on the client itself; `client.kv.namespaces.delete` is an SDK resource chain.
    method = last;
  }
  if (!method || !MUTATING_HTTP.test(method)) return null;
  if (/^post$/i.test(method) && READING_POST_PATH.test(urlText(call.arguments[0]) ?? '')) return null;
  return method.toUpperCase();
}

/** The imported binding a callee names: `exec` → child_process.exec; `fs.promises.rm` → fs.rm; promisified too. */
function importedCallee(ctx: ModuleCtx, path: string[]): { source: string; name: string } | null {
  const root = ctx.index.imports.get(path[0]);
  const name = path.length === 1 ? root?.imported : path[path.length - 1];
  if (!root) {
    // `const run = promisify(exec)`
    const init = ctx.index.values.get(path[0]);
    const u = init && unwrap(init);
    if (path.length === 1 && u?.type === 'CallExpression' && calleeName(u.callee) === 'promisify' && u.arguments[0]) {
      const inner = memberPath(u.arguments[0]);
      return inner ? importedCallee(ctx, inner) : null;
    }
    return null;
  }
  return name ? { source: root.source, name } : null;
}

function matches(m: Matcher, ctx: ModuleCtx, call: TSESTree.CallExpression | TSESTree.NewExpression, path: string[] | null): boolean {
  const isNew = call.type === 'NewExpression';
  if ('construct' in m) return isNew && !!path && m.construct.test(path[path.length - 1]);
  if (isNew) return false;
  if ('httpMutation' in m) return httpMethod(ctx, call) !== null;
  if ('sqlWrite' in m) {
    const name = calleeName(call.callee);
    return !!name && SQL_CALLS.has(name) && SQL_WRITE.test(sqlText(call.arguments[0]) ?? '');
  }
  if (!path) return false;
  const last = path[path.length - 1];
  if ('modules' in m) {
    const imp = importedCallee(ctx, path);
    return !!imp && m.modules.includes(imp.source) && m.names.includes(imp.name);
  }
  if ('suffix' in m) return path.length >= m.suffix.length && m.suffix.every((s, i) => path[path.length - m.suffix.length + i] === s);
  if ('sdkChain' in m) {
    const chain = path[0] === 'this' ? path.slice(1) : path;
    const { roots, verb, reading, inProcess } = m.sdkChain;
    return (
      chain.length >= 2 &&
      verb.test(last) &&
      !chain.some((seg) => reading.includes(seg.replace(/\(\)$/, '')) || inProcess.includes(seg)) &&
      isSdkClient(ctx, chain[0].replace(/\(\)$/, ''), roots)
    );
  }
  if ('roots' in m) {
    const root = path[0] === 'this' ? path[1] : path[0];
    return path.length >= 2 && !!root && m.roots.includes(root.replace(/\(\)$/, '')) && m.method.test(last);
  }
  if (!m.callee.test(last)) return false;
  return !m.argProperty || call.arguments.some((a) => objectProperty(a, m.argProperty!) !== null);
}

/** The sink a call reaches, if any. */
export function matchSink(ctx: ModuleCtx, call: TSESTree.CallExpression | TSESTree.NewExpression): SinkMatch | null {
  const path = memberPath(call.callee);
  for (const def of SINKS) {
    if (!matches(def.match, ctx, call, path)) continue;
    let label = path ? path.join('.') : def.id;
    const imported = 'modules' in def.match && path ? importedCallee(ctx, path) : null;
    if (imported && path?.length === 1 && imported.name !== path[0]) label = `${imported.name} (as ${path[0]})`;
    if (def.category === 'http-mutation') label = `${label} ${httpMethod(ctx, call)}`;
    if (def.id === 'sql-write') label = `SQL ${(sqlText(call.arguments[0]) ?? '').trim().split(/\s+/)[0].toUpperCase()}`;
    if (call.type === 'NewExpression') label = `new ${label}`;
    return { def, label };
  }
  return null;
}

/** sql`DELETE FROM …` (postgres.js, @vercel/postgres, slonik). */
export function matchTaggedSql(node: TSESTree.TaggedTemplateExpression): SinkMatch | null {
  const text = node.quasi.quasis.map((q) => q.value.cooked ?? '').join('?');
  if (!SQL_WRITE.test(text)) return null;
  const def = SINKS.find((s) => s.id === 'sql-write')!;
  return { def, label: `SQL ${text.trim().split(/\s+/)[0].toUpperCase()}` };
}
