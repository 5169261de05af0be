import rule from '../../rules/no-timing-unsafe-secret-compare.js';
import { jsRuleTester } from '../rule-tester.js';

jsRuleTester().run('no-timing-unsafe-secret-compare', rule, {
  valid: [
    `if (!timingSafeEqual(Buffer.from(a), Buffer.from(b))) deny();`,
    `if (typeof token !== 'string' || token.length === 0) deny();`,
    `if (scheme !== 'Bearer') deny();`,
    `if (tokenType === 'refresh_token') refresh();`,
    `if (req.headers.authorization === undefined) deny();`,
    `if (req.headers['x-request-id'] === lastRequestId) skip();`,
  ],
  invalid: [
    {
      code: `if (req.headers['x-api-key'] === process.env.API_KEY) allow();`,
      errors: [{ messageId: 'compare', line: 1, column: 5, data: { what: 'x-api-key header', operator: '===' } }],
    },
    {
      code: `const provided = auth.replace('Bearer ', '');\nif (provided !== expectedToken) throw new Error('unauthorized');`,
      errors: [{ messageId: 'compare', line: 2, column: 5, data: { what: 'expectedToken', operator: '!==' } }],
    },
    {
      code: `if (apiKey != "9f8a7b6c5d4e3f2a") throw new Response(null, { status: 401 });`,
      errors: [{ messageId: 'compare', line: 1, column: 5, data: { what: 'apiKey', operator: '!=' } }],
    },
    {
      // webhook signature header against a computed HMAC
      code: `if (event.headers['x-hub-signature-256'] !== 'sha256=' + hmac(body)) reject();`,
      errors: [{ messageId: 'compare', line: 1, column: 5, data: { what: 'x-hub-signature-256 header', operator: '!==' } }],
    },
  ],
});
