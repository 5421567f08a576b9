import { Writable } from 'node:stream';
import type { Response } from 'express';
import { loadConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';
import { DownloadsService } from './downloads.service';

/** A client at the end of a response: takes 16 KB every `delayMs` (nothing, when null). */
class FakeClient extends Writable {
  readonly received: Buffer[] = [];
  readonly headers: Record<string, string> = {};
  statusCode = 0;
  headersSent = false;
  socket = { destroyed: false };

  constructor(private readonly delayMs: number | null) {
    super({ highWaterMark: 16 * 1024 });
    this.on('close', () => (this.socket.destroyed = true));
  }

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  setHeader(name: string, value: string): void {
    this.headers[name.toLowerCase()] = value;
  }

  override write(chunk: Buffer): boolean {
    this.headersSent = true;
    return super.write(chunk);
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    if (this.delayMs === null) return; // a paused reader: never takes it
    setTimeout(
      () => {
        this.received.push(chunk);
        done();
      },
      this.delayMs * Math.ceil(chunk.length / (16 * 1024)),
    );
  }

  get text(): string {
    return Buffer.concat(this.received).toString('utf8');
  }
}

const asResponse = (c: FakeClient) => c as unknown as Response;
const service = (env: Record<string, string> = {}) =>
  new DownloadsService(
    loadConfig({ SECRET_KEY: 'a-very-long-secret-key-123', EXPORT_STALL_TIMEOUT_SECONDS: '1', ...env }),
  );

/** A producer that records whether it was stopped. */
function producer(chunks: string[], state = { stopped: false, produced: 0 }) {
  return {
    state,
    body: (async function* () {
      try {
        for (const c of chunks) {
          state.produced++;
          yield c;
        }
      } finally {
        state.stopped = true;
      }
    })(),
  };
}

describe('DownloadsService', () => {
  it('streams every chunk in order with the headers, then ends and frees the slot', async () => {
    const downloads = service();
    const client = new FakeClient(0);
    const p = producer(['a,b\r\n', 'x'.repeat(40_000), '\r\nend']);
    await downloads.send(
      asResponse(client),
      'u1',
      { contentType: 'text/csv; charset=utf-8', filename: 'f.csv' },
      p.body,
    );
    await new Promise((r) => client.once('finish', r));
    expect(client.statusCode).toBe(200);
    expect(client.headers).toEqual({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="f.csv"',
      'cache-control': 'no-store',
    });
    expect(client.text).toBe(`a,b\r\n${'x'.repeat(40_000)}\r\nend`);
    expect(p.state.stopped).toBe(true);
    expect(downloads.running).toBe(0);
  });

  it('one at a time per user (429, Retry-After) and EXPORT_MAX_CONCURRENT per instance (503, Retry-After)', async () => {
    const downloads = service({ EXPORT_MAX_CONCURRENT: '2', EXPORT_STALL_TIMEOUT_SECONDS: '30' });
    const paused = [new FakeClient(null), new FakeClient(null)];
    const running = [
      downloads.send(
        asResponse(paused[0]),
        'u1',
        { contentType: 'text/plain' },
        producer(['x'.repeat(100_000)]).body,
      ),
      downloads.send(
        asResponse(paused[1]),
        'u2',
        { contentType: 'text/plain' },
        producer(['x'.repeat(100_000)]).body,
      ),
    ];
    await new Promise((r) => setImmediate(r));
    expect(downloads.running).toBe(2);
    const again = producer(['never']);
    const refused = await downloads
      .send(asResponse(new FakeClient(0)), 'u1', { contentType: 'text/plain' }, again.body)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'throttled', extra: { retryAfter: 5 } });
    expect((refused as Error).message).toBe(
      'An export of your data is already running; one at a time. Expected available in 5 seconds.',
    );
    const busy = await downloads
      .send(asResponse(new FakeClient(0)), 'u3', { contentType: 'text/plain' }, again.body)
      .catch((e: unknown) => e);
    expect(busy).toMatchObject({ code: 'unavailable', extra: { retryAfter: 5 } });
    expect(again.state.produced).toBe(0); // a refused export reads nothing
    for (const c of paused) c.destroy();
    await Promise.all(running);
    expect(downloads.running).toBe(0);
  });

  it('a client that takes nothing for the stall timeout is cut off; the producer stops and the slot is freed', async () => {
    const downloads = service();
    const client = new FakeClient(null);
    const p = producer(['x'.repeat(100_000), 'y'.repeat(100_000), 'z']);
    const started = Date.now();
    await downloads.send(asResponse(client), 'u1', { contentType: 'text/plain' }, p.body);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(client.destroyed).toBe(true);
    expect(p.state).toEqual({ stopped: true, produced: 1 }); // backpressure: the second chunk was never made
    expect(downloads.running).toBe(0);
  });

  it('a slow but steady client is not mistaken for a stalled one', async () => {
    const downloads = service();
    const client = new FakeClient(300); // a 16 KB slice every 0.3 s: 1.8 s in all, with a 1 s stall timeout
    await downloads.send(
      asResponse(client),
      'u1',
      { contentType: 'text/plain' },
      producer(['s'.repeat(96 * 1024)]).body,
    );
    expect(client.writableEnded).toBe(true); // ended by the service, not destroyed
    await new Promise((r) => client.once('finish', r));
    expect(client.text).toHaveLength(96 * 1024);
  });

  it('a failure before the first chunk is the request error (nothing sent); after it, the download is cut', async () => {
    const downloads = service();
    const early = new FakeClient(0);
    const failing = (async function* (): AsyncGenerator<string> {
      throw DomainError.notFound();
    })();
    await expect(
      downloads.send(asResponse(early), 'u1', { contentType: 'text/plain' }, failing),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(early.headersSent).toBe(false);
    expect(downloads.running).toBe(0);

    const late = new FakeClient(0);
    const breaking = (async function* (): AsyncGenerator<string> {
      yield 'head';
      throw new Error('Connection terminated');
    })();
    await downloads.send(asResponse(late), 'u1', { contentType: 'text/plain' }, breaking);
    expect(late.destroyed).toBe(true);
    expect(downloads.running).toBe(0);
  });
});
