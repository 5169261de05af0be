import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';

beforeAll(() => {
  process.env.STRIPE_SECRET_KEY = 'sk_test_51NfakeKeyForUnitTestsOnly00000000000000';
});

describe('POST /mcp', () => {
  it('rejects requests without a bearer token', async () => {
    const { app } = await import('../src/app.js');
    const res = await request(app).post('/mcp').send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toContain('Bearer');
  });
});
