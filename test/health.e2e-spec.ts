import { startTestApp, TestApp } from './helpers/test-app';

describe('health and errors (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_BOT_TOKEN: undefined, BOT_MODE: 'none' });
  });
  afterAll(() => t?.close());

  it('answers /health/ and /health with the database status', async () => {
    for (const path of ['/health/', '/health']) {
      const res = await t.http.get(path).expect(200);
      expect(res.body).toMatchObject({ status: 'ok', database: 'ok' });
    }
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const json = await t.http.get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/users/me', '/api/transactions']),
    );
    const ui = await t.http.get('/api/docs/').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('answers unknown routes with a DRF 404 body', async () => {
    const res = await t.http.get('/api/nope/').withoutSpecCheck('a route that does not exist').expect(404);
    expect(res.body).toEqual({ detail: 'Not found.' });
  });

  it('answers a wrong method on a known route with a DRF 405 body', async () => {
    const res = await t.http.delete('/api/users/me/').expect(405);
    expect(res.body).toEqual({ detail: 'Method "DELETE" not allowed.' });
    expect(res.headers.allow).toContain('GET');
  });

  it('rejects malformed JSON with a DRF 400 body', async () => {
    const res = await t.http
      .patch('/api/users/me/')
      .set('content-type', 'application/json')
      .send('{bad')
      .expect(400);
    expect(res.body.detail).toMatch(/^JSON parse error/);
  });

  it('reports 503 when the database is gone', async () => {
    await t.db.destroy();
    const res = await t.http.get('/health/').expect(503);
    expect(res.body.status).toBe('unavailable');
  });
});
