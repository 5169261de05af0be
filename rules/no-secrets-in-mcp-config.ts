import { createRule } from '../src/rule-kit/create-rule.js';
import {
  classifyCredentialName,
  extractAuthSchemeCredential,
  isKnownNonSecret,
  looksLikeSecretValue,
  scanForProviderSecrets,
} from '../src/rule-kit/secrets.js';
import { WHEREVER_COMMITTED } from '../src/rule-kit/file-class.js';
import { maskSecret } from '../src/rule-kit/mask.js';
import { getMcpConfig, type McpServerEntry } from '../src/config-language/model.js';
import { findReference } from '../src/config-language/references.js';
import { clientExpands, locWithin, secretFixHint, SERVER_KEYWORDS } from '../src/config-language/rule-support.js';
import type { ConfigScalar } from '../src/config-language/tree.js';

/** Command-line options that carry a header (`mcp-remote --header "Authorization: Bearer x"`). */
const HEADER_OPTIONS = new Set(['--header', '-H']);
/** `KEY=value` arguments (env prefixes, `docker -e KEY=value`). */
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/s;
/** `--api-key=value`. */
const OPTION_WITH_VALUE = /^--?([A-Za-z][\w-]*)=(.+)$/s;
/** `scheme://user:password@host`. */
const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@\s:]*:([^@/?#\s]+)@/i;

export default createRule('no-secrets-in-mcp-config', {
  meta: {
    severity: 'high',
    language: 'config',
    description: 'Literal secrets in MCP client config files (env, headers, args, URLs)',
    cwe: ['CWE-798', 'CWE-312'],
    owasp: ['MCP01'],
    keywords: SERVER_KEYWORDS,
    severityFacts: { dependsOnGitTracking: true },
    messages: {
      provider:
        '{{provider}} {{title}} in {{field}} of {{client}} server "{{server}}" ({{evidence}}). Anyone who can read this file can use it: replace it with {{fix}} and revoke it{{rotate}}.',
      credential:
        'Literal credential in {{field}} of {{client}} server "{{server}}" ({{evidence}}). Replace it with {{fix}} and rotate it.',
      brokenReference:
        '{{client}} does not expand `{{reference}}`: server "{{server}}" receives that text literally in {{field}}. Use {{fix}}.',
    },
  },
  create(ctx) {
    const sourceCode = ctx.eslint.sourceCode;
    return {
      ConfigDocument() {
        const config = getMcpConfig(sourceCode);
        if (!config) return;
        const { client } = config;
        const fix = secretFixHint(client);

        for (const server of config.servers) {
          const base = { client: client.name, server: server.name, fix };

          /** Report what is secret in `value` (held by `node`), named `name` when known. */
          const check = (field: string, node: ConfigScalar, value: string, name?: string): void => {
            const ref = findReference(value);
            if (ref) {
              if (!clientExpands(client, ref.id)) {
                const reference = ref.pattern.exec(value)![0];
                ctx.report({ loc: locWithin(sourceCode, node, reference), messageId: 'brokenReference', data: { ...base, field, reference }, severity: 'info' });
              }
              return;
            }
            const hits = scanForProviderSecrets(value, name);
            for (const hit of hits) {
              ctx.report({
                loc: locWithin(sourceCode, node, hit.secret),
                messageId: 'provider',
                data: { ...base, field, provider: hit.provider, title: hit.title, evidence: hit.evidence, rotate: hit.rotateUrl ? ` (${hit.rotateUrl})` : '' },
                severity: hit.severity,
                evidence: hit.evidence,
                secret: hit.secret,
                alsoIn: hit.chosenByPerson ? undefined : WHEREVER_COMMITTED,
                fingerprintKey: `${server.name}|${field}|${hit.patternId}`,
              });
            }
            if (hits.length > 0) return;
            const scheme = extractAuthSchemeCredential(value);
            const userinfo = USERINFO.exec(value)?.[1];
            const kind = name ? classifyCredentialName(name) : null;
            const secret =
              scheme && looksLikeSecretValue(scheme.credential, 'secret')
                ? scheme.credential
                : userinfo && looksLikeSecretValue(userinfo, 'password')
                  ? userinfo
                  : !scheme && kind && looksLikeSecretValue(value, kind, name)
                    ? value
                    : null;
            // Test and publishable keys (`Bearer sk_test_…`, a Supabase anon key) look random but are harmless.
            if (!secret || isKnownNonSecret(secret)) return;
            const evidence = maskSecret(secret);
            ctx.report({
              loc: locWithin(sourceCode, node, secret),
              messageId: 'credential',
              data: { ...base, field, evidence },
              evidence,
              secret,
              fingerprintKey: `${server.name}|${field}`,
            });
          };

          checkServer(server, check);
        }
      },
    };
  },
});

type Check = (field: string, node: ConfigScalar, value: string, name?: string) => void;

function checkServer(server: McpServerEntry, check: Check): void {
  if (server.command) check('command', server.command, String(server.command.value));
  for (const { name, value } of server.env) {
    if (value.type === 'ConfigScalar' && typeof value.value === 'string') check(`env \`${name}\``, value, value.value, name);
  }
  for (const { name, value } of server.headers) {
    if (value.type === 'ConfigScalar' && typeof value.value === 'string') check(`header \`${name}\``, value, value.value, name);
  }
  if (server.url) checkUrl('url', server.url, String(server.url.value), check);
  const args = server.args;
  for (let i = 0; i < args.length; i++) {
    const arg = String(args[i].value);
    const next = args[i + 1];
    const field = `args[${i}]`;
    const option = OPTION_WITH_VALUE.exec(arg);
    const assignment = ASSIGNMENT.exec(arg);
    if (HEADER_OPTIONS.has(arg) && next) {
      const header = /^([\w-]+)\s*:\s*(.*)$/s.exec(String(next.value));
      check(`args[${i + 1}]`, next, String(next.value), header?.[1]);
      i++;
    } else if (option) {
      check(field, args[i], option[2], option[1]);
    } else if (assignment) {
      check(field, args[i], assignment[2], assignment[1]);
    } else if (/^--?[A-Za-z]/.test(arg) && classifyCredentialName(arg.replace(/^-+/, '')) && next && !String(next.value).startsWith('-')) {
      check(`args[${i + 1}]`, next, String(next.value), arg.replace(/^-+/, ''));
      i++;
    } else if (arg.includes('://')) {
      checkUrl(field, args[i], arg, check);
    } else {
      check(field, args[i], arg);
    }
  }
}

/** A URL: its userinfo and each query parameter (named, so `?api_key=…` is judged like an `api_key` field). */
function checkUrl(field: string, node: ConfigScalar, url: string, check: Check): void {
  check(field, node, url.replace(/\?.*$/s, ''));
  const query = /\?([^#]*)/.exec(url)?.[1];
  if (!query) return;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    let value = pair.slice(eq + 1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw text
    }
    check(`${field} query \`${pair.slice(0, eq)}\``, node, value, pair.slice(0, eq));
  }
}
