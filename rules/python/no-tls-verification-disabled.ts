// no-tls-verification-disabled, Python: `verify=False` on requests/httpx calls and clients, `ssl=False` (aiohttp),
// `ssl._create_unverified_context()`, `check_hostname = False`, `verify_mode = ssl.CERT_NONE`, and
// `PYTHONHTTPSVERIFY=0` set from code.
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { booleanValue, child, keywordArg, locOf, memberPath, nodesOf, stringValue, unwrap, type PyModule } from '../../src/python/tree.js';

type MessageId = 'option' | 'env' | 'pyContext';

/** Keyword arguments that switch certificate checking off when False (requests, httpx, aiohttp, urllib3, websockets). */
const VERIFY_KEYWORDS = new Set(['verify', 'ssl', 'verify_ssl', 'cert_reqs', 'ssl_verify', 'verify_certs']);
const ENV = 'PYTHONHTTPSVERIFY';

export const noTlsVerificationDisabledPython: PythonImplementation<MessageId> = {
  keywords: ['verify', 'ssl', 'cert_none', 'check_hostname', 'pythonhttpsverify', '_create_unverified_context'],
  // each report is a literal False, CERT_NONE, '0' or the unverified context
  keywordsAlso: [['false', 'cert_none', '0', '_create_unverified_context']],
  messages: {
    pyContext: '{{what}} turns off TLS certificate verification: any machine on the path can impersonate the server and read the tokens sent to it.',
  },
  create(context) {
    return {
      module(module: PyModule) {
        for (const kw of nodesOf(module, 'keyword_argument')) {
          const name = child(kw, 'name')?.text ?? '';
          const value = unwrap(child(kw, 'value'));
          if (!VERIFY_KEYWORDS.has(name) || !value) continue;
          const off = booleanValue(value) === false || (name === 'cert_reqs' && /CERT_NONE$/.test(memberPath(value)?.join('.') ?? stringValue(value) ?? ''));
          if (off) context.report({ loc: locOf(module, kw), messageId: 'option', data: { option: name } });
        }
        for (const call of nodesOf(module, 'call')) {
          const path = memberPath(child(call, 'function'))?.join('.') ?? '';
          if (/(^|\.)_create_unverified_context$/.test(path)) context.report({ loc: locOf(module, call), messageId: 'pyContext', data: { what: path } });
          // os.environ.setdefault("PYTHONHTTPSVERIFY", "0") / os.putenv(…)
          if (/environ\.setdefault$|putenv$/.test(path)) {
            const [k, v] = child(call, 'arguments')?.children ?? [];
            if (stringValue(k) === ENV && stringValue(v) === '0') context.report({ loc: locOf(module, call), messageId: 'env', data: { env: ENV, value: "'0'" } });
          }
        }
        for (const a of nodesOf(module, 'assignment')) {
          const left = child(a, 'left');
          const right = unwrap(child(a, 'right'));
          const target = memberPath(left)?.at(-1);
          if (target === 'check_hostname' && booleanValue(right) === false) context.report({ loc: locOf(module, a), messageId: 'pyContext', data: { what: 'check_hostname = False' } });
          if (target === 'verify_mode' && /CERT_NONE$/.test(memberPath(right)?.join('.') ?? '')) context.report({ loc: locOf(module, a), messageId: 'pyContext', data: { what: 'verify_mode = CERT_NONE' } });
          if (target === 'verify' && booleanValue(right) === false) context.report({ loc: locOf(module, a), messageId: 'option', data: { option: 'verify' } });
          if (left?.type === 'subscript' && stringValue(child(left, 'subscript')) === ENV && stringValue(right) === '0') {
            context.report({ loc: locOf(module, a), messageId: 'env', data: { env: ENV, value: "'0'" } });
          }
        }
      },
    };
  },
};
