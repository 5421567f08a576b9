import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** GET /health/ (README "REST API"): 200 when the database answers, else 503. */
export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'unavailable'], example: 'ok' })
  status: 'ok' | 'unavailable';

  @ApiProperty({ enum: ['ok', 'unreachable'], example: 'ok' })
  database: 'ok' | 'unreachable';

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    example: 2,
    description: 'The database round trip (200 only)',
  })
  latency_ms?: number;
}
