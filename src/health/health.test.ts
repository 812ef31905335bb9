import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/support/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s?.close());

describe('GET /api/health', () => {
  it('reports the engine and version while the database answers', async () => {
    const res = await s.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgresql' : 'pglite', version: 'test' });
  });

  it('answers 503 with a reason once the database is gone', async () => {
    await s.database.close();
    const res = await s.client().get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'unavailable', reason: 'The database is unreachable.' });
  });
});
