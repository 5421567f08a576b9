import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { UsersModule } from '../users/users.module';
import { JwtStrategy } from './jwt.strategy';
import { LoginCodesRepository } from './login-codes.repository';
import { LoginCodesService } from './login-codes.service';

@Module({
  imports: [PassportModule, UsersModule],
  providers: [JwtStrategy, LoginCodesRepository, LoginCodesService],
  exports: [LoginCodesService],
})
export class AuthModule {}
