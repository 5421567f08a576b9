import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface BotApiCall {
  method: string;
  token: string;
  params: Record<string, unknown>;
}

type Responder = (call: BotApiCall) => unknown;

/** Thrown by a responder: the fake answers like Telegram's error responses (429 with retry_after, 5xx, …). */
export class FakeApiError extends Error {
  constructor(
    readonly errorCode: number,
    description: string,
    readonly parameters?: { retry_after?: number },
  ) {
    super(description);
  }
}

/**
 * A fake Telegram Bot API server on loopback (TELEGRAM_API_ROOT). Records every call the bot makes and answers
 * like Telegram: {"ok": true, "result": …}. Tests read `calls` / `sent()` and can override answers per method.
 */
export class FakeTelegram {
  readonly calls: BotApiCall[] = [];
  private readonly responders = new Map<string, Responder>();
  private server!: Server;
  private messageId = 1000;
  private waiters: Array<() => void> = [];
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answer `method` with `result` (or a function of the call). */
  on(method: string, responder: Responder): void {
    this.responders.set(method, responder);
  }

  reset(): void {
    this.calls.length = 0;
  }

  /** Calls of one method, e.g. sent('sendMessage'). */
  sent(method = 'sendMessage'): Array<Record<string, unknown>> {
    return this.calls.filter((c) => c.method === method).map((c) => c.params);
  }

  /** Texts the bot sent to a chat, in order. */
  textsTo(chatId: number): string[] {
    return this.calls
      .filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && Number(c.params.chat_id) === chatId)
      .map((c) => String(c.params.text));
  }

  /** Resolves once at least `count` calls of `method` were recorded (for polling mode tests). */
  async waitFor(method: string, count = 1, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.calls.filter((c) => c.method === method).length < count) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${count}× ${method}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
    if (!match) {
      res.writeHead(404).end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      return;
    }
    const [, token, method] = match;
    let params: Record<string, unknown> = {};
    const type = req.headers['content-type'] ?? '';
    if (type.includes('application/json') && raw) params = JSON.parse(raw) as Record<string, unknown>;
    else if (type.includes('x-www-form-urlencoded')) params = Object.fromEntries(new URLSearchParams(raw));
    else if (raw && type.includes('multipart')) params = { multipart: true };
    const call: BotApiCall = { method, token, params };
    this.calls.push(call);
    this.waiters.splice(0).forEach((w) => w());
    const custom = this.responders.get(method);
    let result: unknown;
    try {
      result = await (custom ? custom(call) : this.defaultResult(call));
    } catch (error) {
      const code = error instanceof FakeApiError ? error.errorCode : 400;
      const parameters = error instanceof FakeApiError ? error.parameters : undefined;
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: code, description: (error as Error).message, ...(parameters ? { parameters } : {}) }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, result }));
  }

  private defaultResult(call: BotApiCall): unknown {
    const chat = { id: Number(call.params.chat_id ?? 0), type: 'private' };
    switch (call.method) {
      case 'getMe':
        return { id: 7000000001, is_bot: true, first_name: 'OvozPay', username: 'ovozpay_test_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false };
      case 'sendMessage':
        return { message_id: ++this.messageId, date: Math.floor(Date.now() / 1000), chat, text: call.params.text };
      case 'editMessageText':
        return { message_id: Number(call.params.message_id ?? 0), date: Math.floor(Date.now() / 1000), chat, text: call.params.text };
      case 'getUpdates':
        return [];
      case 'getWebhookInfo':
        return { url: '', has_custom_certificate: false, pending_update_count: 0 };
      case 'getFile':
        return { file_id: call.params.file_id, file_unique_id: 'u1', file_size: 1000, file_path: 'voice/file_1.oga' };
      default:
        return true;
    }
  }
}
