import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorDetail } from '../../common/openapi/errors';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { HealthResponse } from './health.responses';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** 200 when the database answers, else 503. */
  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Whether the server and its database answer' })
  @ApiOkResponse({ type: HealthResponse, description: 'The database answers' })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'The database does not answer' })
  // Its only client error, as on every route: a NUL character in the URL (bootstrap.ts refuseNullCharactersInUrl).
  @ApiBadRequestResponse({ type: ErrorDetail, description: 'A NUL character (%00) in the URL' })
  async health(@Res({ passthrough: true }) res: Response) {
    const started = Date.now();
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: 'ok', latency_ms: Date.now() - started };
    } catch {
      res.status(503);
      return { status: 'unavailable', database: 'unreachable' };
    }
  }
}
