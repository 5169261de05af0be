import pg from 'pg';
import Stripe from 'stripe';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function listOrders(customer: string) {
  const { rows } = await pool.query('SELECT id, status, total FROM orders WHERE customer = $1 ORDER BY created DESC LIMIT 20', [customer]);
  return rows;
}

export async function cancelOrder(orderId: string, customer: string): Promise<void> {
  await pool.query("UPDATE orders SET status = 'cancelled' WHERE id = $1 AND customer = $2 AND status = 'open'", [orderId, customer]);
}

export async function refundOrder(orderId: string): Promise<string> {
  const { rows } = await pool.query('SELECT payment_intent FROM orders WHERE id = $1', [orderId]);
  const refund = await stripe.refunds.create({ payment_intent: rows[0].payment_intent });
  return `${refund.id} ${refund.status}`;
}
