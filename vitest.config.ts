import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'apps/*/src/**/*.test.ts',
      'apps/*/renderer/**/*.test.ts',
      'packages/*/src/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/e2e/**/*.test.ts',
      'tests/load/**/*.test.ts',
    ],
    testTimeout: 30_000,
    // Pages settle within moments, but two shared cores under a full run can stretch a moment past 1 s.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
  },
});
