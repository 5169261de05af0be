import rule from '../../rules/no-tls-verification-disabled.js';
import { jsRuleTester } from '../rule-tester.js';

jsRuleTester().run('no-tls-verification-disabled', rule, {
  valid: [
    `const agent = new https.Agent({ rejectUnauthorized: true, ca: fs.readFileSync('ca.pem') });`,
    `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';`,
    `const opts = { rejectUnauthorized: process.env.NODE_ENV === 'production' };`,
    `tls.connect({ host, checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) });`,
  ],
  invalid: [
    {
      code: `const agent = new https.Agent({ rejectUnauthorized: false });`,
      errors: [{ messageId: 'option', line: 1, column: 33, data: { option: 'rejectUnauthorized' } }],
    },
    {
      code: `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nprocess.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;`,
      errors: [
        { messageId: 'env', line: 1, column: 1, data: { env: 'NODE_TLS_REJECT_UNAUTHORIZED', value: "'0'" } },
        { messageId: 'env', line: 2, column: 1, data: { env: 'NODE_TLS_REJECT_UNAUTHORIZED', value: '0' } },
      ],
    },
    {
      code: `new undici.Agent({ connect: { rejectUnauthorized: false, checkServerIdentity: () => undefined } });`,
      errors: [
        { messageId: 'option', line: 1, column: 31 },
        { messageId: 'identity', line: 1, column: 58 },
      ],
    },
    {
      code: `spawn('node', ['server.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });\nrequest({ url, strictSSL: false });`,
      errors: [
        { messageId: 'env', line: 1, column: 55 },
        { messageId: 'option', line: 2, column: 16, data: { option: 'strictSSL' } },
      ],
    },
  ],
});
