import { defineConfig } from 'vitest/config';

// The conformance replay of the contract logs (conformance/): run by scripts/test once the
// integration and browser tests have written the logs, not by `npm test`.
export default defineConfig({
  test: {
    include: ['conformance/**/*.conformance.ts'],
    environment: 'node',
  },
});
