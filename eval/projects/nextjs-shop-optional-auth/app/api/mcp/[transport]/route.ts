import { createMcpHandler, withMcpAuth } from 'mcp-handler';
import { z } from 'zod';
import { stripe } from '../../../../lib/stripe';
import { verifyToken } from '../../../../lib/session-token';

const handler = createMcpHandler((server) => {
  server.registerTool(
    'find_charge',
    { description: 'Look up a charge', inputSchema: { chargeId: z.string().startsWith('ch_') } },
    async ({ chargeId }) => {
      const charge = await stripe.charges.retrieve(chargeId);
      return { content: [{ type: 'text', text: `${charge.id} ${charge.amount} ${charge.currency} ${charge.status}` }] };
    },
  );

  server.registerTool(
    'refund_charge',
    { description: 'Refund a charge in full or in part', inputSchema: { chargeId: z.string(), amount: z.number().int().positive().optional() } },
    async ({ chargeId, amount }) => {
      const refund = await stripe.refunds.create({ charge: chargeId, amount });
      return { content: [{ type: 'text', text: `refund ${refund.id}: ${refund.status}` }] };
    },
  );
});

const authHandler = withMcpAuth(handler, verifyToken);

export { authHandler as GET, authHandler as POST };
