import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** One POST /v1/audio/transcriptions as the fake received it. */
export interface SttRequest {
  model: string | undefined;
  language: string | undefined;
  prompt: string | undefined;
  responseFormat: string | undefined;
  fileName: string | undefined;
  mimeType: string | undefined;
  bytes: Buffer;
  authorization: string | undefined;
}

export type SttAnswer = string | { status: number; body: unknown; retryAfter?: string | number };
export type SttResponder = (req: SttRequest) => SttAnswer | Promise<SttAnswer>;

export interface VoiceFixture {
  file: string;
  language: 'ru' | 'uz' | 'en';
  phrase: string;
  duration_seconds: number;
  size_bytes: number;
  note?: string;
}

export const VOICE_FIXTURES_DIR = join(__dirname, '..', 'fixtures', 'voice');

/** test/fixtures/voice/manifest.json with each clip's bytes. */
export function voiceFixtures(): Array<VoiceFixture & { bytes: Buffer }> {
  const manifest = JSON.parse(readFileSync(join(VOICE_FIXTURES_DIR, 'manifest.json'), 'utf8')) as VoiceFixture[];
  return manifest.map((f) => ({ ...f, bytes: readFileSync(join(VOICE_FIXTURES_DIR, f.file)) }));
}

/** An OpenAI-style error answer: {"error": {"message", "type", "param", "code"}}. */
export function openAiError(status: number, message: string, retryAfter?: number): SttAnswer {
  return { status, body: { error: { message, type: 'invalid_request_error', param: null, code: null } }, retryAfter };
}

/**
 * A fake OpenAI-compatible speech-to-text server on loopback: `STT_BASE_URL = fake.url` (ends in /v1).
 * Like the real API it refuses (400) a request without `model`/`language`/`file`, or whose file is not an Ogg/Opus
 * stream. Records every request; answers {"text": …} from `respond` — by default the manifest phrase of the clip
 * with the same bytes ("" for unknown audio).
 */
export class FakeStt {
  readonly requests: SttRequest[] = [];
  respond: SttResponder;
  url = '';
  private server!: Server;
  private readonly phrases = new Map(voiceFixtures().map((f) => [f.bytes.toString('base64'), f.phrase]));

  constructor(respond?: SttResponder) {
    this.respond = respond ?? ((req) => this.phraseFor(req.bytes));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.requests.length = 0;
    this.respond = (req) => this.phraseFor(req.bytes);
  }

  /** The manifest phrase of the fixture with exactly these bytes, "" when none. */
  phraseFor(bytes: Buffer): string {
    return this.phrases.get(bytes.toString('base64')) ?? '';
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') {
      return send(res, openAiError(404, `Invalid URL (${req.method} ${req.url})`));
    }
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '');
    if (!boundary) return send(res, openAiError(400, 'Expected multipart/form-data'));
    const parts = parseMultipart(body, boundary[1] ?? boundary[2]);
    const field = (name: string) => parts.find((p) => p.name === name && p.fileName === undefined)?.data.toString('utf8');
    const file = parts.find((p) => p.name === 'file');
    const request: SttRequest = {
      model: field('model'),
      language: field('language'),
      prompt: field('prompt'),
      responseFormat: field('response_format'),
      fileName: file?.fileName,
      mimeType: file?.contentType,
      bytes: file?.data ?? Buffer.alloc(0),
      authorization: req.headers.authorization,
    };
    this.requests.push(request);
    const invalid =
      !file || file.fileName === undefined ? "Missing required parameter: 'file'."
      : !request.model ? "Missing required parameter: 'model'."
      : !request.language ? "Missing required parameter: 'language'."
      : !isOggOpusStream(request.bytes) ? 'Invalid file format. The audio could not be decoded as Ogg/Opus.'
      : undefined;
    if (invalid) return send(res, openAiError(400, invalid));
    let answer: SttAnswer;
    try {
      answer = await this.respond(request);
    } catch (error) {
      answer = openAiError(500, `fake responder failed: ${String(error)}`);
    }
    send(res, answer);
  }
}

function send(res: ServerResponse, answer: SttAnswer): void {
  if (res.destroyed || res.writableEnded) return; // the client gave up (timeout test)
  const { status, body, retryAfter } = typeof answer === 'string' ? { status: 200, body: { text: answer }, retryAfter: undefined } : answer;
  const headers: Record<string, string> = {};
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  headers['content-type'] = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  res.writeHead(status, headers).end(text);
}

interface Part {
  name: string | undefined;
  fileName: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

/** A small multipart/form-data parser (RFC 7578), enough for fetch's FormData bodies. */
function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const raw = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = raw.indexOf('\r\n\r\n');
    if (split !== -1) {
      const headers = raw.subarray(0, split).toString('utf8');
      const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
      parts.push({
        name: /\bname="([^"]*)"/i.exec(disposition)?.[1],
        fileName: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
        contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim(),
        data: Buffer.from(raw.subarray(split + 4)),
      });
    }
    start = next;
  }
  return parts;
}

/** "OggS" capture pattern at the start and an "OpusHead" identification header in the first page. */
function isOggOpusStream(bytes: Buffer): boolean {
  if (bytes.subarray(0, 4).toString('latin1') !== 'OggS' || bytes.length < 27) return false;
  const payload = 27 + bytes[26];
  return bytes.subarray(payload, payload + 8).toString('latin1') === 'OpusHead';
}
