import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The e2e tests spawn git and node; 2 cores on CI.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
