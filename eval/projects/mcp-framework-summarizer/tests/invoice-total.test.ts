import { describe, expect, it, vi } from 'vitest';

process.env.STRIPE_API_KEY = 'sk_test_fvnBZhd45beVY73QgNYCaQ6ATg483U9L';
process.env.OPENAI_API_KEY = 'sk-your-key-here';

vi.mock('stripe', () => ({
  default: class {
    invoices = { list: async () => ({ data: [{ amount_due: 1250 }, { amount_due: 750 }] }) };
  },
}));

describe('invoice_total', async () => {
  const { default: Tool } = await import('../src/tools/InvoiceTotalTool.js');
  it('sums open invoices', async () => {
    const tool = new Tool();
    expect(await tool.execute({ customer: 'cus_Test123' })).toBe('20.00 across 2 open invoices');
  });
});
