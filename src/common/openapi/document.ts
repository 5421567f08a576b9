import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The OpenAPI document of the HTTP API, built from the controllers' decorators. Served at /api/docs-json
 * (README, "REST API"); `npm run openapi` writes the same document to a file for the linter and the client types.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('OvozPay API')
      .setDescription(
        'Personal finances by voice and text: auth, users, transactions. DRF conventions: trailing slash, snake_case, money as decimal strings. ' +
          'Errors are `{"detail": "…"}` or `{"field": ["message"]}`; a method a path does not list is answered 405 `{"detail"}` ' +
          'with an `Allow` header, a path that does not exist 404 `{"detail": "Not found."}`.',
      )
      .setVersion('1.0')
      .addServer('/', 'The server this document is served by')
      .addBearerAuth()
      .build(),
  );
  markPublicOperations(document);
  return document;
}

/**
 * An operation without a bearer requirement (health, telegram-login, refresh-token) says so with an empty
 * `security` list, so "no security" is stated rather than forgotten.
 */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths))
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation && !operation.security) operation.security = [];
    }
}
