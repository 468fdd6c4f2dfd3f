// A hub child process on standby: it loads the hub's modules first and runs the real entry point
// (apps/hub/src/main.ts, with PORT, DATA_DIR, SITE_CONFIG from its environment) only when a line arrives on stdin.
// A crash test can then restart the hub the moment the previous one is killed, as a service manager would,
// instead of also timing Node and tsx loading hundreds of modules on a busy CI machine.
await import('../../apps/hub/src/hub.ts');
process.stdout.write(`${JSON.stringify({ msg: 'hub standby' })}\n`);
process.stdin.once('data', () => {
  void import('../../apps/hub/src/main.ts');
});
