import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The authenticated principal set by the JWT strategy. */
export interface AuthUser {
  userId: string;
}

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
