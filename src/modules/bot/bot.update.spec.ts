/**
 * The order BotUpdate's handlers are registered in (nestjs-telegraf registers them in the class's method order, and
 * telegraf tries them in that order): the commands first, then the catch-all text handler, then the handlers of other
 * kinds of update, each button handler ahead of the catch-all button handler. A handler moved the wrong way either
 * takes updates meant for another (a command read as a phrase) or makes every text message pass it on its way
 * (docs/benchmarks-analysis.md, issue 16, steps 16–17).
 */
import { BotUpdate } from './bot.update';
import { listenersOf } from '../../../test/helpers/bot-listeners';

/** The listeners in registration order: "command", "on:text", "action", … */
const registered = (): string[] =>
  listenersOf(BotUpdate).map((l) => (l.method === 'on' ? `on:${[l.args[0]].flat().join(',')}` : l.method));

describe('BotUpdate registers its handlers in the order telegraf must try them', () => {
  const order = registered();

  it('one command handler, first', () => {
    expect(order.filter((m) => m === 'command')).toHaveLength(1);
    expect(order[0]).toBe('command');
    expect(order).not.toContain('start');
    expect(order).not.toContain('help');
  });

  it('the catch-all text handler right after it, before every other kind of update', () => {
    expect(order[1]).toBe('on:text');
  });

  it('every button handler ahead of the catch-all button handler, which comes last', () => {
    const catchAll = order.indexOf('on:callback_query');
    expect(catchAll).toBe(order.length - 1);
    const actions = order.flatMap((m, i) => (m === 'action' ? [i] : []));
    expect(actions.length).toBeGreaterThan(0);
    expect(Math.max(...actions)).toBeLessThan(catchAll);
  });
});
