// Vitest configuration: tests run against the TypeScript sources; CLI tests spawn the built bin/cellctl.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
    pool: 'forks',
  },
});
