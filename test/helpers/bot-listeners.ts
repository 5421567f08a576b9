import 'reflect-metadata';
import { LISTENERS_METADATA } from 'nestjs-telegraf/dist/telegraf.constants';

/** One nestjs-telegraf listener decorator on a method: `command`, `on`, `action`, `start`, … and its arguments. */
export interface Listener {
  method: string;
  args: unknown[];
}

/**
 * The listeners an @Update class declares, in the order nestjs-telegraf registers them (the class's method order),
 * read from the decorators' metadata.
 */
export function listenersOf(updateClass: { prototype: object }): Listener[] {
  const listeners: Listener[] = [];
  for (const name of Object.getOwnPropertyNames(updateClass.prototype)) {
    const handler = (updateClass.prototype as Record<string, unknown>)[name];
    if (typeof handler === 'function')
      listeners.push(...((Reflect.getMetadata(LISTENERS_METADATA, handler) ?? []) as Listener[]));
  }
  return listeners;
}
