import { createHmac, timingSafeEqual } from 'node:crypto';

export interface Staff {
  id: string;
  role: 'viewer' | 'manager';
}

const PEPPER = process.env.API_KEY_PEPPER ?? '';
// INVENTORY_KEYS is a JSON object: { "<hmac hex>": { "id": "...", "role": "manager" } }
const TABLE: Record<string, Staff> = JSON.parse(process.env.INVENTORY_KEYS ?? '{}');

export function staffForKey(key: string): Staff | undefined {
  const mac = createHmac('sha256', PEPPER).update(key).digest();
  for (const [hex, staff] of Object.entries(TABLE)) {
    const known = Buffer.from(hex, 'hex');
    if (known.length === mac.length && timingSafeEqual(known, mac)) return staff;
  }
  return undefined;
}
