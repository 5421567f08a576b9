import 'reflect-metadata';
import 'dotenv/config';
import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { createApp, INestApplication } from './bootstrap';
import { loadConfig } from './config/app-config';
import { ConfigValidationError } from './config/env.validation';
import { LocalSecretKey, localSecretKey } from './config/secret-key';

async function main(): Promise<void> {
  let config;
  let localKey: LocalSecretKey | undefined;
  try {
    localKey = localSecretKey(process.env);
    config = loadConfig(localKey ? { ...process.env, SECRET_KEY: localKey.key } : process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  if (localKey) {
    // One line, never the key itself (docs/interface.md §2, SECRET_KEY).
    new Logger('Main').log(
      `SECRET_KEY is not set: ${localKey.created ? 'generated a key and kept it' : 'using the key kept'} in ${localKey.path} (NODE_ENV is not production; set SECRET_KEY in production)`,
    );
  }
  shutDownGracefullyOn(app, ['SIGTERM', 'SIGINT']);
  await app.listen(config.port, '0.0.0.0');
  new Logger('Main').log(
    `OvozPay listening on port ${config.port} (bot: ${config.bot.token ? config.bot.mode : 'off'})`,
  );
}

/** How long in-flight requests may take after SIGTERM before the process gives up on them. */
const SHUTDOWN_GRACE_MS = 25_000;

/**
 * SIGTERM/SIGINT (a deploy, `docker stop`, Ctrl-C): stop accepting connections, let the requests in flight (webhook
 * updates, REST calls) finish, then close the application (bot, database pool) and exit 0. Nest's own shutdown hooks
 * run the module hooks before closing the HTTP server and end the process by re-raising the signal (exit code 143).
 */
function shutDownGracefullyOn(app: INestApplication, signals: NodeJS.Signals[]): void {
  const logger = new Logger('Main');
  let closing = false;
  const shutDown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: shutting down: no new requests, the ones in flight finish`);
    setTimeout(() => {
      logger.error(`Shutdown took longer than ${SHUTDOWN_GRACE_MS / 1000} s: exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    const server = app.getHttpServer() as Server;
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections that finish their request go idle: close them as they do.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.closeIdleConnections();
    drained
      .then(() => clearInterval(idle))
      .then(() => app.close())
      .then(
        () => {
          logger.log('Stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error(`Shutdown failed: ${(error as Error)?.message ?? String(error)}`);
          process.exit(1);
        },
      );
  };
  for (const signal of signals) process.on(signal, shutDown);
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
