import { Global, Module } from '@nestjs/common';

/** Where "now" comes from: the reminders, budgets, recurring payments and the forecast read it; tests set its `now`. */
export interface Clock {
  now(): Date;
}
export const CLOCK = Symbol('CLOCK');

/**
 * One clock per application (a fresh object, so a test that sets one app's `now` leaves other apps in the process
 * alone), shared by every module that asks for CLOCK: the budgets and the forecast of one test see the same "now".
 */
@Global()
@Module({
  providers: [{ provide: CLOCK, useFactory: (): Clock => ({ now: () => new Date() }) }],
  exports: [CLOCK],
})
export class ClockModule {}
