import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The authenticated principal set by the JWT strategy. */
export interface AuthUser {
  userId: string;
  /**
   * The user's row as the bearer check read it for this request (UsersService.ofRequest gives it to handlers, so it
   * is not read twice); opaque here, where no feature module is known.
   */
  principal?: object;
}

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
