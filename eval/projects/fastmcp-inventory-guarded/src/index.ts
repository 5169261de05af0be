import { PrismaClient } from '@prisma/client';
import { FastMCP, UserError } from 'fastmcp';
import { z } from 'zod';
import { staffForKey, type Staff } from './keys.js';

const prisma = new PrismaClient();

const server = new FastMCP<Staff>({
  name: 'inventory',
  version: '1.1.0',
  authenticate: async (request) => {
    const key = request.headers['x-api-key'];
    const staff = typeof key === 'string' ? staffForKey(key) : undefined;
    if (!staff) throw new Response(null, { status: 401, statusText: 'invalid API key' });
    return staff;
  },
});

server.addTool({
  name: 'stock_level',
  description: 'Units in stock for a SKU',
  parameters: z.object({ sku: z.string() }),
  execute: async ({ sku }) => {
    const item = await prisma.item.findUnique({ where: { sku } });
    return item ? `${item.sku}: ${item.quantity}` : 'unknown SKU';
  },
});

server.addTool({
  name: 'adjust_stock',
  description: 'Add or remove units (managers only)',
  parameters: z.object({ sku: z.string(), delta: z.number().int() }),
  canAccess: (staff) => staff.role === 'manager',
  execute: async ({ sku, delta }, { session }) => {
    if (session?.role !== 'manager') throw new UserError('managers only');
    const item = await prisma.item.update({ where: { sku }, data: { quantity: { increment: delta } } });
    return `${item.sku} now ${item.quantity}`;
  },
});

server.start({ transportType: 'httpStream', httpStream: { port: 8081 } });
