export * from './money';
export * from './convert';
export * from './shares';
