export * from './errors.ts';
export * from './schemas.ts';
export type * from './socket-events.ts';
export * from './views.ts';
