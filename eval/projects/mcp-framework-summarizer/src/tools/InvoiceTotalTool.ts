import { MCPTool } from 'mcp-framework';
import Stripe from 'stripe';
import { z } from 'zod';

const stripe = new Stripe(process.env.STRIPE_API_KEY ?? '');

interface Input {
  customer: string;
}

class InvoiceTotalTool extends MCPTool<Input> {
  name = 'invoice_total';
  description = 'Sum of open invoices for a Stripe customer';
  schema = { customer: { type: z.string(), description: 'Stripe customer id (cus_...)' } };

  async execute({ customer }: Input) {
    const invoices = await stripe.invoices.list({ customer, status: 'open', limit: 100 });
    const cents = invoices.data.reduce((sum, inv) => sum + inv.amount_due, 0);
    return `${(cents / 100).toFixed(2)} across ${invoices.data.length} open invoices`;
  }
}

export default InvoiceTotalTool;
