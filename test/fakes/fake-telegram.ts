import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface BotApiCall {
  method: string;
  token: string;
  params: Record<string, unknown>;
  /** Files of a multipart upload (sendPhoto, sendDocument …) by field name. */
  files?: Record<string, UploadedFile>;
}

/**
 * A multipart/form-data body → its text fields (JSON values such as reply_markup parsed) and its files. Enough of
 * RFC 7578 for what telegraf sends.
 */
export function parseMultipart(
  body: Buffer,
  contentType: string,
): { fields: Record<string, unknown>; files: Record<string, UploadedFile> } {
  const fields: Record<string, unknown> = {};
  const files: Record<string, UploadedFile> = {};
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return { fields, files };
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    const part = body.subarray(partStart + 2, next - 2); // CRLF after the delimiter, CRLF before the next one
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const data = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined && filename !== undefined) {
        files[name] = {
          filename,
          contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? '',
          data: Buffer.from(data),
        };
      } else if (name !== undefined) {
        const text = data.toString('utf8');
        let value: unknown = text;
        if (/^[[{]/.test(text)) {
          try {
            value = JSON.parse(text);
          } catch {
            value = text;
          }
        }
        fields[name] = value;
      }
    }
    start = next;
  }
  return { fields, files };
}

type Responder = (call: BotApiCall) => unknown;

/** Telegram's limits (UTF-16 code units, as String#length counts), enforced like the real Bot API. */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

/** Refuses what Telegram refuses: a text over 4,096 characters, a caption over 1,024 (400 Bad Request). */
function refuseTooLong(call: BotApiCall): void {
  const { text, caption } = call.params;
  if (['sendMessage', 'editMessageText'].includes(call.method) && String(text ?? '').length > TEXT_LIMIT)
    throw new FakeApiError(400, 'Bad Request: message is too long');
  if (typeof caption === 'string' && caption.length > CAPTION_LIMIT)
    throw new FakeApiError(400, 'Bad Request: message caption is too long');
}

/** Thrown by a responder: the fake answers like Telegram's error responses (429 with parameters.retry_after, 5xx, …). */
export class FakeApiError extends Error {
  constructor(
    readonly errorCode: number,
    description: string,
    readonly parameters?: Record<string, unknown>,
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
  /** Files users "sent", by file_id: getFile describes them and /file/bot<token>/<path> serves them. */
  private readonly sentFiles = new Map<string, Buffer>();
  /** Paths downloaded through /file/bot<token>/…, in order. */
  readonly downloads: string[] = [];
  /** When set, file downloads answer this HTTP status instead of the bytes. */
  fileStatus: number | undefined;
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

  /** Back to the default answer for `method`. */
  off(method: string): void {
    this.responders.delete(method);
  }

  reset(): void {
    this.calls.length = 0;
    this.downloads.length = 0;
    this.fileStatus = undefined;
  }

  /** Makes a file available to getFile and the file download URL. */
  addFile(fileId: string, bytes: Buffer): void {
    this.sentFiles.set(fileId, bytes);
  }

  /** Calls of one method, e.g. sent('sendMessage'). */
  sent(method = 'sendMessage'): Array<Record<string, unknown>> {
    return this.calls.filter((c) => c.method === method).map((c) => c.params);
  }

  /** Files the bot uploaded with `method` (sendPhoto, sendDocument), with the call's other fields. */
  uploads(method: string): Array<{ params: Record<string, unknown>; files: Record<string, UploadedFile> }> {
    return this.calls
      .filter((c) => c.method === method)
      .map((c) => ({ params: c.params, files: c.files ?? {} }));
  }

  /** Texts the bot sent to a chat, in order. */
  textsTo(chatId: number): string[] {
    return this.calls
      .filter(
        (c) => ['sendMessage', 'editMessageText'].includes(c.method) && Number(c.params.chat_id) === chatId,
      )
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
    const body = Buffer.concat(chunks);
    const raw = body.toString('utf8');
    const file = /^\/file\/bot[^/]+\/voice\/(.+)\.oga$/.exec(req.url ?? '');
    if (file) {
      this.downloads.push(file[1]);
      const bytes = this.sentFiles.get(decodeURIComponent(file[1]));
      if (this.fileStatus || !bytes) res.writeHead(this.fileStatus ?? 404).end();
      else res.writeHead(200, { 'content-type': 'audio/ogg', 'content-length': bytes.length }).end(bytes);
      return;
    }
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
    let files: Record<string, UploadedFile> | undefined;
    if (raw && type.includes('multipart')) {
      const parsed = parseMultipart(body, type);
      params = { multipart: true, ...parsed.fields };
      files = parsed.files;
    }
    const call: BotApiCall = files ? { method, token, params, files } : { method, token, params };
    this.calls.push(call);
    this.waiters.splice(0).forEach((w) => w());
    const custom = this.responders.get(method);
    let result: unknown;
    try {
      refuseTooLong(call);
      result = await (custom ? custom(call) : this.defaultResult(call));
    } catch (error) {
      const code = error instanceof FakeApiError ? error.errorCode : 400;
      const parameters = error instanceof FakeApiError ? error.parameters : undefined;
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ok: false,
          error_code: code,
          description: (error as Error).message,
          ...(parameters ? { parameters } : {}),
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, result }));
  }

  private defaultResult(call: BotApiCall): unknown {
    const chat = { id: Number(call.params.chat_id ?? 0), type: 'private' };
    switch (call.method) {
      case 'getMe':
        return {
          id: 7000000001,
          is_bot: true,
          first_name: 'OvozPay',
          username: 'ovozpay_test_bot',
          can_join_groups: false,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        };
      case 'sendMessage':
        return {
          message_id: ++this.messageId,
          date: Math.floor(Date.now() / 1000),
          chat,
          text: call.params.text,
        };
      case 'sendPhoto':
        return {
          message_id: ++this.messageId,
          date: Math.floor(Date.now() / 1000),
          chat,
          photo: [
            {
              file_id: `photo${this.messageId}`,
              file_unique_id: `p${this.messageId}`,
              width: 800,
              height: 600,
            },
          ],
          caption: call.params.caption,
        };
      case 'sendDocument':
        return {
          message_id: ++this.messageId,
          date: Math.floor(Date.now() / 1000),
          chat,
          document: { file_id: `doc${this.messageId}`, file_unique_id: `d${this.messageId}` },
          caption: call.params.caption,
        };
      case 'editMessageText':
        return {
          message_id: Number(call.params.message_id ?? 0),
          date: Math.floor(Date.now() / 1000),
          chat,
          text: call.params.text,
        };
      case 'getUpdates':
        return [];
      case 'getWebhookInfo':
        return { url: '', has_custom_certificate: false, pending_update_count: 0 };
      case 'getFile': {
        const id = String(call.params.file_id);
        const bytes = this.sentFiles.get(id);
        if (!bytes) throw new Error('Bad Request: invalid file_id');
        return {
          file_id: id,
          file_unique_id: `u-${id}`,
          file_size: bytes.length,
          file_path: `voice/${encodeURIComponent(id)}.oga`,
        };
      }
      default:
        return true;
    }
  }
}
