import type { OpenAPIObject } from '@nestjs/swagger';
import { accessTokenFor } from './helpers/auth';
import { ResponseValidator } from './helpers/openapi';
import { startTestApp, TestApp } from './helpers/test-app';

/** The response checker every e2e request goes through (test/helpers/openapi.ts) must catch what it is for. */
describe('OpenAPI response checking', () => {
  const json = { 'content-type': 'application/json; charset=utf-8' };

  describe('on a small document', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/api/things/{id}': {
          get: {
            responses: {
              '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
              '404': {
                content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorDetail' } } },
              },
            },
          },
          delete: { responses: { '204': { description: 'gone' } } },
        },
      },
      components: {
        schemas: {
          Thing: {
            type: 'object',
            required: ['id', 'amount', 'note'],
            properties: {
              id: { type: 'string', format: 'uuid' },
              amount: { type: 'string', pattern: '^-?\\d+\\.\\d{2}$' },
              note: { type: 'string', nullable: true },
            },
          },
          ErrorDetail: { type: 'object', required: ['detail'], properties: { detail: { type: 'string' } } },
        },
      },
    } as unknown as OpenAPIObject;
    const v = new ResponseValidator(document);
    const thing = { id: '0b6c7f5e-4a43-4c0e-9d7f-3c1a2b3c4d5e', amount: '50000.00', note: null };
    const send = (body: unknown) => ({ status: 200, headers: json, text: JSON.stringify(body) });

    it('accepts a body that matches, with or without the trailing slash and a query', () => {
      expect(v.problem('get', `/api/things/${thing.id}/?x=1`, send(thing))).toBeNull();
      expect(v.problem('get', `/api/things/${thing.id}`, send(thing))).toBeNull();
    });

    it('refuses a wrong body, naming the field', () => {
      expect(v.problem('get', '/api/things/1/', send({ ...thing, amount: 50000 }))).toMatch(
        /GET \/api\/things\/1\/ → 200: the body does not match[\s\S]*\/amount must be string/,
      );
      expect(v.problem('get', '/api/things/1/', send({ ...thing, amount: '50000' }))).toMatch(
        /\/amount must match/,
      );
      const { note: _note, ...withoutNote } = thing;
      expect(v.problem('get', '/api/things/1/', send(withoutNote))).toMatch(
        /must have required property 'note'/,
      );
      expect(v.problem('get', '/api/things/1/', send({ ...thing, id: 'x' }))).toMatch(
        /\/id must match format "uuid"/,
      );
      expect(v.problem('get', '/api/things/1/', send({ ...thing, extra: 1 }))).toMatch(
        /must NOT have additional properties \{"additionalProperty":"extra"\}/,
      );
    });

    it('refuses an undocumented status, path or method, and a body where none is documented', () => {
      expect(
        v.problem('get', '/api/things/1/', { status: 500, headers: json, text: '{"detail":"x"}' }),
      ).toMatch(/status 500 is not documented for GET \/api\/things\/\{id\} \(documented: 200, 404\)/);
      expect(v.problem('get', '/api/other/', send(thing))).toMatch(/the path is not in the OpenAPI document/);
      expect(v.problem('patch', '/api/things/1/', send(thing))).toMatch(/only 405 may answer it/);
      expect(v.problem('delete', '/api/things/1/', { status: 204, headers: {}, text: '{}' })).toMatch(
        /documented without a body/,
      );
      expect(v.problem('delete', '/api/things/1/', { status: 204, headers: {}, text: '' })).toBeNull();
    });

    it('refuses a body that is not JSON where JSON is documented', () => {
      expect(
        v.problem('get', '/api/things/1/', {
          status: 200,
          headers: { 'content-type': 'text/html' },
          text: '<p>',
        }),
      ).toMatch(/Content-Type text\/html, documented: application\/json/);
    });
  });

  describe('on the served document', () => {
    let t: TestApp;
    let token: string;

    beforeAll(async () => {
      t = await startTestApp();
      token = (await accessTokenFor(t, 777001)).token;
    });
    afterAll(() => t?.close());

    it('fails a request whose real response is altered to break the document', async () => {
      const res = await t.http
        .post('/api/transactions/')
        .set('Authorization', `Bearer ${token}`)
        .send({ type: 'expense', amount: '12.50', category: 'cafe' })
        .expect(201);
      const altered = { ...res.body, amount: 12.5, date: 'yesterday' };
      const problem = t.openapi.problem('post', '/api/transactions/', {
        status: 201,
        headers: res.headers,
        text: JSON.stringify(altered),
      });
      expect(problem).toMatch(/\/amount must be string/);
      expect(problem).toMatch(/\/date must match format "date-time"/);
    });

    it('makes the request itself fail when the response is not documented', async () => {
      await expect(
        t.http.get('/api/not-documented/').set('Authorization', `Bearer ${token}`),
      ).rejects.toThrow(
        /OpenAPI: GET \/api\/not-documented\/ → 404: the path is not in the OpenAPI document/,
      );
      // …unless the test says why it sends what no document describes.
      await t.http.get('/api/not-documented/').withoutSpecCheck('a route that does not exist').expect(404);
    });
  });
});
