import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** The response schemas of /api/users/auth/ (README "REST API"). */
// The schema keeps the name the document has always given it.
@ApiSchema({ name: 'TokenPairDto' })
export class TokenPairResponse {
  @ApiProperty({ description: 'Access token (JWT, HS256), sent as `Authorization: Bearer <access>`' })
  access: string;

  @ApiProperty({ description: 'Refresh token (JWT): one use, at POST /api/users/auth/refresh-token/' })
  refresh: string;
}

// The schema keeps the name the document has always given it.
@ApiSchema({ name: 'TelegramLoginResponseDto' })
export class TelegramLoginResponse extends TokenPairResponse {
  @ApiProperty({ format: 'uuid' })
  user_id: string;

  @ApiProperty({ type: String, nullable: true, example: '+998901234567' })
  phone_number: string | null;

  @ApiProperty({ description: 'True when this login created the user' })
  is_new_user: boolean;
}
