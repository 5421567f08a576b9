export * from './money';
export * from './convert';
