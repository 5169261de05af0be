import express from 'express';
import Stripe from 'stripe';
import { mcpAuthMetadataRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { httpLogger, logger } from './log.js';
import { verifier } from './verifier.js';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export function buildMcp(): McpServer {
  const server = new McpServer({ name: 'billing-agent', version: '3.0.1' });

  server.registerTool('get_balance', { description: 'Stripe balance', inputSchema: {} }, async () => {
    const balance = await stripe.balance.retrieve();
    return { content: [{ type: 'text', text: JSON.stringify(balance.available) }] };
  });

  server.registerTool(
    'issue_refund',
    { description: 'Refund a payment intent', inputSchema: { paymentIntent: z.string().startsWith('pi_'), reason: z.enum(['duplicate', 'requested_by_customer']) } },
    async ({ paymentIntent, reason }, { authInfo }) => {
      if (!authInfo?.scopes.includes('billing:refund')) {
        return { isError: true, content: [{ type: 'text', text: 'insufficient_scope: billing:refund' }] };
      }
      logger.info({ authInfo, paymentIntent }, 'refund requested');
      const refund = await stripe.refunds.create({ payment_intent: paymentIntent, reason });
      return { content: [{ type: 'text', text: `${refund.id} ${refund.status}` }] };
    },
  );
  return server;
}

export const app = express();
app.use(httpLogger);
app.use(express.json());
app.use(
  mcpAuthMetadataRouter({
    oauthMetadata: { issuer: 'https://auth.example.com', authorization_endpoint: 'https://auth.example.com/authorize', token_endpoint: 'https://auth.example.com/token', response_types_supported: ['code'] },
    resourceServerUrl: new URL('https://billing.example.com/mcp'),
    scopesSupported: ['billing:read', 'billing:refund'],
  }),
);
app.post('/mcp', requireBearerAuth({ verifier, requiredScopes: ['billing:read'] }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await buildMcp().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
