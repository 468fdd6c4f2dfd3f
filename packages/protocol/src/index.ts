export * from './complaints.ts';
export * from './errors.ts';
export * from './report-chain.ts';
export * from './schemas.ts';
export * from './settings.ts';
export type * from './socket-events.ts';
export * from './views.ts';
export * from './skm.ts';
export * from './devices.ts';
