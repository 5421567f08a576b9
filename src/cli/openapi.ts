/**
 * npm run openapi -- [file]
 *
 * Writes the OpenAPI document the server serves at /api/docs-json (README, "REST API") to `file` (default
 * stdout) as indented JSON. The application is built as the server builds it, on an in-memory embedded database
 * and without the bot, so nothing outside the process is needed and no data is touched.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import { openApiDocument } from '../common/openapi/document';

async function main(file: string | undefined): Promise<void> {
  const config = loadConfig({
    SECRET_KEY: randomBytes(24).toString('hex'),
    DATABASE_URL: 'pglite://memory',
    LOG_LEVEL: 'fatal',
  });
  const app = await createApp(config, { logger: false });
  try {
    const json = `${JSON.stringify(openApiDocument(app), null, 2)}\n`;
    if (file) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, json);
    } else {
      process.stdout.write(json);
    }
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main(process.argv[2]).catch((error: unknown) => {
    process.stderr.write(`openapi: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
