// Risky sinks in Python: calls that change the world. The categories are the JS model's (src/mcp-model/sinks.ts),
// so a Python tool and a JS tool that reach the same kind of sink are reported and inventoried alike; the API names
// are Python's. Where a JS entry is a list of verbs (payments, deploys, messages), the Python entry is derived from
// it (the same verbs in snake_case). DATA: each entry's example must match it (test/python/model/sinks.test.ts).
import { SINKS, type SinkCategory } from '../../mcp-model/sinks.js';
import { calleeName, child, keywordArg, memberPath, positionalArgs, stringValue, unwrap, type PyNode } from '../tree.js';
import { importedName, resolveString, type PyCtx } from './scope.js';

type PyMatcher =
  /** A function of a module, however imported (`subprocess.run`, `from os import system`, `import shutil as sh`). */
  | { modules: string[]; names: string[] }
  /** The builtin of that name (not a method): `eval(…)`, `exec(…)`. */
  | { builtin: string[] }
  /** Any callee name (bare or method) matching. */
  | { callee: RegExp }
  /** The whole dotted path of the callee matching (`repo.git.push`). */
  | { path: RegExp }
  /** A method call whose dotted path ends with these segments (`messages.create`). */
  | { suffix: string[] }
  /** A dotted path whose root is one of `roots` and whose last name matches `method`. */
  | { roots: string[]; method: RegExp }
  /** A method chain on an SDK client (root named like a client or one of `roots`) ending with a mutating verb. */
  | { sdkChain: { roots: string[]; verb: RegExp; reading: string[] } }
  /** A Google API discovery call: `service.files().delete(fileId=x).execute()`. */
  | { googleApi: RegExp }
  /** `open(path, "w")` and friends: a file opened for writing. */
  | { openForWriting: true }
  /** SQL text starting with a writing statement, given to an execute/query call. */
  | { sqlWrite: true }
  /** requests/httpx/aiohttp calls with a mutating HTTP method. */
  | { httpMutation: true };

export interface PySinkDef {
  id: string;
  category: SinkCategory;
  match: PyMatcher;
  /** Python code that must match this entry (tested). */
  example: string;
}

export interface PySinkMatch {
  def: PySinkDef;
  /** What was called, for messages: `subprocess.run`, `requests.delete DELETE`, `SQL DELETE`. */
  label: string;
}

/**
 * The verbs of a JS sink entry's callee list in Python's spelling: `^(sendMail|sendEmail)$` → also `send_mail`,
 * `send_email`. The JS table stays the one list of what counts as paying, deploying or sending.
 */
function snakeVerbsOf(jsId: string, extra: string[] = []): RegExp {
  const def = SINKS.find((s) => s.id === jsId);
  const source = def && 'callee' in def.match ? def.match.callee.source : '';
  const names = (/^\^\((.*)\)\$$/.exec(source)?.[1] ?? '').split('|').filter(Boolean);
  const snake = names.map((n) => n.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase());
  return new RegExp(`^(${[...new Set([...names, ...snake, ...extra])].join('|')})$`);
}

const MUTATING = 'delete|create|update|remove|put|destroy|terminate|stop|reboot|modify|attach|detach|invoke|publish|revoke|purge|deploy|rollback|replace|upsert|insert|edit|reset|rotate|transfer|disable|enable|patch|batch_delete|batch_write|start|run';

export const PY_SINKS: readonly PySinkDef[] = [
  { id: 'subprocess', category: 'process-exec', match: { modules: ['subprocess'], names: ['run', 'call', 'check_call', 'check_output', 'Popen', 'getoutput', 'getstatusoutput'] }, example: 'import subprocess\nsubprocess.run(cmd, shell=True)' },
  { id: 'os-exec', category: 'process-exec', match: { modules: ['os'], names: ['system', 'popen', 'execv', 'execve', 'execvp', 'execvpe', 'execl', 'execlp', 'spawnv', 'spawnvp', 'spawnl', 'kill', 'killpg'] }, example: 'from os import system\nsystem("rm -rf " + path)' },
  { id: 'asyncio-subprocess', category: 'process-exec', match: { modules: ['asyncio'], names: ['create_subprocess_exec', 'create_subprocess_shell'] }, example: 'import asyncio\nawait asyncio.create_subprocess_shell(cmd)' },
  { id: 'pexpect', category: 'process-exec', match: { modules: ['pexpect', 'sh', 'plumbum', 'invoke'], names: ['spawn', 'run', 'local', 'sudo'] }, example: 'import pexpect\npexpect.run(cmd)' },
  { id: 'eval', category: 'code-eval', match: { builtin: ['eval', 'exec'] }, example: 'eval(expression)' },
  {
    id: 'fs-write',
    category: 'fs-write',
    match: {
      modules: ['os', 'shutil'],
      names: ['remove', 'unlink', 'rmdir', 'removedirs', 'rename', 'renames', 'replace', 'chmod', 'chown', 'makedirs', 'mkdir', 'symlink', 'link', 'truncate', 'rmtree', 'move', 'copy', 'copy2', 'copyfile', 'copytree'],
    },
    example: 'import shutil\nshutil.rmtree(folder)',
  },
  { id: 'open-write', category: 'fs-write', match: { openForWriting: true }, example: 'with open(path, "w") as f:\n    f.write(data)' },
  { id: 'pathlib-write', category: 'fs-write', match: { callee: /^(write_text|write_bytes|symlink_to|hardlink_to)$/ }, example: 'Path(target).write_text(content)' },
  { id: 'http-mutation', category: 'http-mutation', match: { httpMutation: true }, example: 'import requests\nrequests.delete(f"{API}/items/{item_id}")' },
  { id: 'sql-write', category: 'db-write', match: { sqlWrite: true }, example: 'cursor.execute("DELETE FROM users WHERE id = %s", (user_id,))' },
  {
    id: 'mongo-write',
    category: 'db-write',
    match: { callee: /^(insert_one|insert_many|update_one|update_many|replace_one|delete_one|delete_many|find_one_and_delete|find_one_and_update|find_one_and_replace|bulk_write|drop_collection|drop_database)$/ },
    example: 'await db.users.delete_many({"org": org})',
  },
  { id: 'orm-write', category: 'db-write', match: { suffix: ['objects', 'create'] }, example: 'Invoice.objects.create(amount=amount)' },
  { id: 'supabase-write', category: 'db-write', match: { sdkChain: { roots: ['supabase'], verb: /^(insert|update|upsert|delete)$/, reading: [] } }, example: 'supabase.table("notes").delete().eq("id", note_id).execute()' },
  { id: 'stripe', category: 'payment', match: { roots: ['stripe'], method: /^(create|confirm|capture|cancel|delete|modify|pay|refund|void_invoice|finalize_invoice)/ }, example: 'stripe.Refund.create(charge=charge_id)' },
  { id: 'payment-call', category: 'payment', match: { callee: snakeVerbsOf('payment-call') }, example: 'await payments.create_refund(order_id)' },
  { id: 'deploy', category: 'deploy', match: { callee: snakeVerbsOf('deploy') }, example: 'client.trigger_deploy(service_id)' },
  { id: 'send-message', category: 'message-send', match: { callee: snakeVerbsOf('send-mail', ['sendmail', 'chat_postMessage', 'chat_update', 'chat_delete', 'send_template']) }, example: 'slack.chat_postMessage(channel=channel, text=text)' },
  { id: 'messages-create', category: 'message-send', match: { suffix: ['messages', 'create'] }, example: 'twilio.messages.create(to=to, body=body)' },
  { id: 'google-api', category: 'cloud-mutation', match: { googleApi: /^(delete|insert|update|patch|trash|send|create|move|remove|clear|batchUpdate|modify|import_)$/ }, example: 'service.files().delete(fileId=file_id).execute()' },
  {
    id: 'cloud-sdk',
    category: 'cloud-mutation',
    match: {
      sdkChain: {
        roots: ['s3', 'ec2', 'iam', 'lambda_', 'sqs', 'sns', 'dynamodb', 'storage', 'compute', 'gcs', 'bucket', 'blob', 'k8s', 'v1', 'apps_v1', 'core_v1', 'docker', 'boto3', 'cloudflare', 'heroku', 'vercel'],
        verb: new RegExp(`^(${MUTATING})(_\\w+)?$`),
        // LLM SDK resources generate text, not change state.
        reading: ['chat', 'completions', 'embeddings', 'messages', 'responses', 'moderations', 'images', 'audio', 'threads', 'runs'],
      },
    },
    example: 's3 = boto3.client("s3")\ns3.delete_object(Bucket=bucket, Key=key)',
  },
  { id: 'github', category: 'repo-mutation', match: { roots: ['repo', 'github', 'gh', 'gl', 'gitlab', 'project'], method: /^(create_|delete|edit|merge|add_to_|remove_from_|update_|remove_)/ }, example: 'repo.create_issue(title=title, body=body)' },
  // GitPython: `repo.git.<command>` and `repo.index.<command>` change the repository; `repo.commit(rev)` only reads one
  { id: 'gitpython', category: 'repo-mutation', match: { path: /(^|\.)(repo|git_repo)\.(git|index)\.(push|pull|reset|checkout|commit|merge|rebase|clean|rm|add|remove|move|branch|tag|stash|cherry_pick|revert|am|apply)$|(^|\.)(repo|git_repo)\.(create_head|delete_head|create_tag|delete_tag|create_remote|delete_remote)$/ }, example: 'repo.git.reset("--hard", ref)' },
];

const MUTATING_HTTP = /^(post|put|patch|delete)$/i;
const HTTP_MODULES = new Set(['requests', 'httpx', 'aiohttp', 'urllib3']);
/** Receivers named like an HTTP client: `client`, `session`, `http`, `api_client`, `self.session`. */
const HTTP_CLIENT_NAME = /^(client|session|http|api|.*_client|.*_session|.*_http)$/i;
/** POST endpoints that read (search and query APIs take their query as a body): not a mutation. */
const READING_POST_PATH = /\/(_?search|query|lookup|find|_?count|embeddings|completions)\/?(\?.*)?$/i;
const SQL_WRITE = /^\s*(insert|update|delete|drop|truncate|alter|grant|revoke|create|replace|merge)\b/i;
const SQL_CALLS = new Set(['execute', 'executemany', 'executescript', 'exec_driver_sql', 'query', 'run', 'fetch', 'fetchrow', 'fetchval', 'raw', 'sql', 'text']);
/** Names of clients (`s3_client`, `k8s_api`, `ec2`), not collections. */
const SDK_CLIENT_NAME = /(^|_)(client|api|sdk|service|resource)$/i;
const OPEN_CALLS = /^(open|aio_open)$|^(io|codecs|aiofiles|gzip|bz2|lzma)\.open$|\.open$/;
const WRITE_MODE = /[wax+]/;

/** The dotted path of a callee with its first name replaced by what it was imported as. */
function fullPath(ctx: PyCtx, path: string[]): string[] {
  const root = importedName(ctx, path[0].replace(/\(\)$/, ''));
  return root ? [...root.split('.'), ...path.slice(1)] : path;
}

/** The HTTP method a call sends, when it is an outbound request. */
function httpMethod(ctx: PyCtx, call: PyNode, path: string[]): string | null {
  const last = path[path.length - 1];
  const full = fullPath(ctx, path);
  const root = full[0].replace(/\(\)$/, '');
  let method: string | null = null;
  if (last === 'request' && (HTTP_MODULES.has(root) || HTTP_CLIENT_NAME.test(path[path.length - 2] ?? ''))) {
    method = stringValue(keywordArg(call, 'method') ?? positionalArgs(call)[0]);
  } else if (MUTATING_HTTP.test(last)) {
    const receiver = path[path.length - 2]?.replace(/\(\)$/, '') ?? '';
    if (!(full.length === 2 && HTTP_MODULES.has(root)) && !HTTP_CLIENT_NAME.test(receiver) && !/Client|Session/.test(receiver)) return null;
    method = last;
  }
  if (!method || !MUTATING_HTTP.test(method)) return null;
  const url = stringValue(keywordArg(call, 'url') ?? positionalArgs(call)[last === 'request' ? 1 : 0], '*') ?? '';
  if (/^post$/i.test(method) && READING_POST_PATH.test(url)) return null;
  return method.toUpperCase();
}

function sqlText(ctx: PyCtx, node: PyNode | null | undefined): string | null {
  const n = unwrap(node);
  if (!n) return null;
  if (n.type === 'call' && calleeName(n) === 'text') return sqlText(ctx, positionalArgs(n)[0]);
  return stringValue(n, '?') ?? resolveString(ctx, n);
}

function isSdkClient(ctx: PyCtx, root: string, roots: readonly string[]): boolean {
  if (roots.includes(root) || SDK_CLIENT_NAME.test(root)) return true;
  // `s3 = boto3.client("s3")`, `k = kubernetes.client.CoreV1Api()`
  const init = unwrap(ctx.index.values.get(root));
  return init?.type === 'call' && /client|resource|Api$|Client$|service|build/.test(memberPath(child(init, 'function'))?.join('.') ?? '');
}

function matches(m: PyMatcher, ctx: PyCtx, call: PyNode, path: string[] | null): boolean {
  if ('httpMutation' in m) return !!path && httpMethod(ctx, call, path) !== null;
  if ('sqlWrite' in m) return SQL_CALLS.has(calleeName(call) ?? '') && SQL_WRITE.test(sqlText(ctx, positionalArgs(call)[0]) ?? '');
  if (!path) return false;
  const last = path[path.length - 1];
  if ('openForWriting' in m) {
    if (!OPEN_CALLS.test(fullPath(ctx, path).join('.'))) return false;
    // `open(p, "w")`, `aiofiles.open(p, "w")`: the mode comes second; `Path(p).open("w")`: first
    const onObject = path.length > 1 && !importedName(ctx, path[0]);
    const mode = stringValue(keywordArg(call, 'mode') ?? positionalArgs(call)[onObject ? 0 : 1]);
    return !!mode && WRITE_MODE.test(mode);
  }
  if ('builtin' in m) return path.length === 1 && m.builtin.includes(last) && !ctx.index.imports.has(last) && !ctx.index.functions.has(last);
  if ('modules' in m) {
    const full = fullPath(ctx, path);
    return full.length === 2 && m.modules.includes(full[0]) && m.names.includes(full[1]);
  }
  if ('path' in m) return m.path.test(path.join('.'));
  if ('suffix' in m) return path.length >= m.suffix.length && m.suffix.every((s, i) => path[path.length - m.suffix.length + i].replace(/\(\)$/, '') === s);
  if ('googleApi' in m) {
    // `x.files().delete(fileId=…).execute()`: the verb call sits under an `.execute()`
    if (last !== 'execute' || path.length < 3) return false;
    const verb = path[path.length - 2];
    return verb.endsWith('()') && m.googleApi.test(verb.slice(0, -2)) && path.slice(0, -2).some((s) => s.endsWith('()'));
  }
  if ('sdkChain' in m) {
    const chain = path[0] === 'self' ? path.slice(1) : path;
    const { roots, verb, reading } = m.sdkChain;
    return chain.length >= 2 && verb.test(last) && !chain.some((seg) => reading.includes(seg.replace(/\(\)$/, ''))) && isSdkClient(ctx, chain[0].replace(/\(\)$/, ''), roots);
  }
  if ('roots' in m) {
    const root = (path[0] === 'self' ? path[1] : path[0])?.replace(/\(\)$/, '');
    return path.length >= 2 && !!root && m.roots.includes(root) && m.method.test(last);
  }
  return path.length >= 1 && m.callee.test(last);
}

/**
 * A file the server itself names, by a literal or an UPPER_CASE constant (`open(CACHE_FILE, "w")`): its own state or
 * cache, not a place the caller chooses. Writing it is no action a caller directs.
 */
function ownFile(ctx: PyCtx, call: PyNode): boolean {
  const target = unwrap(positionalArgs(call)[0] ?? keywordArg(call, 'file') ?? keywordArg(call, 'path'));
  if (!target) return false;
  if (stringValue(target) !== null) return true;
  return target.type === 'identifier' && /^[A-Z][A-Z0-9_]*$/.test(target.text!) && ctx.index.values.has(target.text!);
}

/** The sink a call reaches, if any. */
export function matchPySink(ctx: PyCtx, call: PyNode): PySinkMatch | null {
  const path = memberPath(child(call, 'function'));
  for (const def of PY_SINKS) {
    if (!matches(def.match, ctx, call, path)) continue;
    if ((def.id === 'open-write' || def.id === 'fs-write') && ownFile(ctx, call)) return null;
    let label = path ? path.join('.') : def.id;
    if (def.category === 'http-mutation') label = `${label} ${httpMethod(ctx, call, path!)}`;
    if (def.id === 'sql-write') label = `SQL ${(sqlText(ctx, positionalArgs(call)[0]) ?? '').trim().split(/\s+/)[0].toUpperCase()}`;
    return { def, label };
  }
  return null;
}
