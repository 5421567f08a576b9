import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Test } from 'supertest';
import request from 'supertest';

/**
 * Every HTTP response an e2e test receives is checked against the OpenAPI document the app serves at
 * /api/docs-json (README "REST API"): its status must be documented for the path and method, and its body must
 * validate against the documented schema (ajv). A test sending a deliberately malformed request that no document
 * can describe opts out for that one request with `.withoutSpecCheck('why')`. The raw channel of raw-http.ts
 * (rawRequest, postBytes, dribble) is not checked: it exists to write bytes no client would (forged Host headers,
 * broken framing, body bombs) and to read whatever the server or Node's HTTP parser answers to them.
 */

/** Paths outside the JSON API, which the document does not describe (and why). */
const OUTSIDE_THE_API: ReadonlyArray<{ path: RegExp; why: string }> = [
  { path: /^\/app(\/|$)/, why: 'the Mini App’s static files (README "The Mini App")' },
  { path: /^\/api\/docs(-json)?(\/|$)/, why: 'the OpenAPI document itself and Swagger UI' },
  {
    path: /^\/telegram\/webhook\/?$/,
    why: 'the Telegram webhook, answered for Telegram (docs/operations.md)',
  },
];

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
const METHODS: readonly Method[] = ['get', 'put', 'post', 'delete', 'patch'];

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: object }> } | undefined>;
}

interface Route {
  template: string;
  pattern: RegExp;
  params: number;
  operations: Partial<Record<Method, Operation>>;
}

/** What was received, as supertest gives it. */
export interface ReceivedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as text (undefined when supertest did not buffer it as text). */
  text?: string;
  /** The body as supertest parsed it. */
  body?: unknown;
}

export class ResponseValidator {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenAPIObject) {
    // strict: false ignores OpenAPI's own keywords (example, …); ajv knows `nullable` as OpenAPI 3.0 means it.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ components: closed(document.components ?? {}) }, 'openapi.json');
    this.routes = Object.entries(document.paths)
      .map(([template, item]) => ({
        template,
        pattern: new RegExp(
          `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+')}$`,
        ),
        params: (template.match(/\{/g) ?? []).length,
        operations: Object.fromEntries(
          METHODS.filter((m) => item[m]).map((m) => [m, item[m] as unknown as Operation]),
        ),
      }))
      // A literal path (/api/transactions/balance) before a template that also matches it (/api/transactions/{id}).
      .sort((a, b) => a.params - b.params);
  }

  /** Loads the document the app serves. */
  static async served(server: Parameters<typeof request>[0]): Promise<ResponseValidator> {
    const res = await request(server).get('/api/docs-json');
    if (res.status !== 200) throw new Error(`GET /api/docs-json answered ${res.status}`);
    return new ResponseValidator(res.body as OpenAPIObject);
  }

  /** Why the response does not match the document, or null when it does. */
  problem(method: string, url: string, res: ReceivedResponse): string | null {
    const path = pathOf(url);
    const what = `${method.toUpperCase()} ${path} → ${res.status}`;
    if (OUTSIDE_THE_API.some((o) => o.path.test(path))) return null;
    if (method.toUpperCase() === 'OPTIONS') return null; // the CORS preflight, answered before any route
    const route = this.routes.find((r) => r.pattern.test(path.length > 1 ? path.replace(/\/$/, '') : path));
    if (!route) return `${what}: the path is not in the OpenAPI document`;
    const m = (method.toLowerCase() === 'head' ? 'get' : method.toLowerCase()) as Method;
    const operation = route.operations[m];
    if (!operation) {
      // A method the document does not list for the path: must be DRF's 405.
      if (res.status !== 405)
        return `${what}: ${method.toUpperCase()} is not documented for ${route.template}, so only 405 may answer it`;
      return this.bodyProblem(what, '#/components/schemas/ErrorDetail', res);
    }
    const response = operation.responses[String(res.status)] ?? operation.responses.default;
    if (!response) {
      const documented = Object.keys(operation.responses).join(', ');
      return `${what}: status ${res.status} is not documented for ${m.toUpperCase()} ${route.template} (documented: ${documented})`;
    }
    const contentType = String(res.headers['content-type'] ?? '');
    const bodyText = res.text ?? '';
    if (!response.content || method.toUpperCase() === 'HEAD') {
      if (method.toUpperCase() !== 'HEAD' && bodyText !== '')
        return `${what}: documented without a body, got ${snippet(bodyText)}`;
      return null;
    }
    const json = response.content['application/json'];
    if (!json) {
      const types = Object.keys(response.content);
      if (!types.some((t) => contentType.startsWith(t)))
        return `${what}: Content-Type ${contentType || '(none)'}, documented: ${types.join(', ')}`;
      return null;
    }
    if (!contentType.startsWith('application/json'))
      return `${what}: Content-Type ${contentType || '(none)'}, documented: application/json`;
    return this.bodyProblem(what, `${route.template} ${m} ${res.status}`, res, json.schema ?? {});
  }

  private bodyProblem(what: string, key: string, res: ReceivedResponse, schema?: object): string | null {
    let validate = this.compiled.get(key);
    if (!validate) {
      const root = closed(schema ?? { $ref: key });
      validate = this.ajv.compile(
        JSON.parse(JSON.stringify(root).replace(/"#\/components\//g, '"openapi.json#/components/')),
      );
      this.compiled.set(key, validate);
    }
    let body: unknown = res.body;
    if (res.text !== undefined && res.text !== '') {
      try {
        body = JSON.parse(res.text);
      } catch {
        return `${what}: the body is not JSON: ${snippet(res.text)}`;
      }
    }
    if (validate(body)) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 8)
      .map(
        (e) =>
          `  ${e.instancePath || '(body)'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
      )
      .join('\n');
    return `${what}: the body does not match the OpenAPI document:\n${errors}\nbody: ${snippet(JSON.stringify(body))}`;
  }
}

/**
 * The schemas with every object that lists its properties closed (`additionalProperties: false` unless it says
 * otherwise): a response field the document does not name fails the check, so the document cannot fall behind.
 */
function closed<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((s: unknown) => closed(s)) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'example' ? value : closed(value);
  if (out.properties && typeof out.properties === 'object' && !('additionalProperties' in out))
    out.additionalProperties = false;
  return out as T;
}

function pathOf(url: string): string {
  const u = new URL(url, 'http://test.invalid');
  return u.pathname;
}

function snippet(text: string): string {
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** A supertest request whose response is checked against the document unless the test opts out. */
export type CheckedTest = Test & {
  /** For a deliberately malformed request no document can describe: say why. */
  withoutSpecCheck(reason: string): CheckedTest;
};

/** supertest's agent for the app, every request checked against the served document. */
export interface CheckedAgent {
  get(url: string): CheckedTest;
  post(url: string): CheckedTest;
  put(url: string): CheckedTest;
  patch(url: string): CheckedTest;
  delete(url: string): CheckedTest;
  head(url: string): CheckedTest;
  options(url: string): CheckedTest;
}

export function checkedAgent(
  server: Parameters<typeof request>[0],
  validator: ResponseValidator,
): CheckedAgent {
  const agent = request(server);
  const wrap =
    (method: 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options') =>
    (url: string): CheckedTest => {
      const test = agent[method](url) as CheckedTest;
      let skipped: string | undefined;
      test.withoutSpecCheck = (reason: string) => {
        if (!reason.trim()) throw new Error('withoutSpecCheck needs a reason');
        skipped = reason;
        return test;
      };
      test.expect((res) => {
        if (skipped !== undefined) return;
        const problem = validator.problem(method, url, res);
        if (problem) throw new Error(`OpenAPI: ${problem}`);
      });
      return test;
    };
  return {
    get: wrap('get'),
    post: wrap('post'),
    put: wrap('put'),
    patch: wrap('patch'),
    delete: wrap('delete'),
    head: wrap('head'),
    options: wrap('options'),
  };
}
