export * from './counter-bridge.ts';
export * from './display-bridge.ts';
export * from './format.ts';
export * from './hub-client.ts';
export * from './i18n.ts';
export * from './kiosk-bridge.ts';
export * from './sign-in.ts';
export * from './action-runner.ts';
