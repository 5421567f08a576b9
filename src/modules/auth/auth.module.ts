import { hs256Key } from './jwt-key';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../../config/app-config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { authThrottleProviders } from './auth.throttle';
import { JwtStrategy } from './jwt.strategy';
import { LoginCodesRepository } from './login-codes.repository';
import { LoginCodesService } from './login-codes.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { TokensService } from './tokens.service';

/** telegram-login, refresh-token, the bearer strategy, and the bot's /login codes (LoginCodesService). */
@Module({
  imports: [
    PassportModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: hs256Key(config.secretKey),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    JwtStrategy,
    AuthService,
    TokensService,
    RefreshTokensRepository,
    LoginCodesRepository,
    LoginCodesService,
    ...authThrottleProviders,
  ],
  exports: [LoginCodesService, TokensService],
})
export class AuthModule {}
