import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The browser failover test (e2e-cluster/, docs/cluster.md): the web client against the local
// cluster of deploy/cluster/local (three nodes behind HAProxy on a throwaway PostgreSQL), which
// ./scripts/test starts around `npx playwright test -c playwright.cluster.config.ts`. Kept apart
// from the main browser suite, which has a server of its own and a time budget of its own.
const clusterUrl = process.env.JB_CLUSTER_URL;
if (!clusterUrl) throw new Error('JB_CLUSTER_URL is not set: run this under deploy/cluster/local run');
// The fixtures in e2e/support.ts open every page on JB_BASE_URL: here HAProxy's address.
process.env.JB_BASE_URL = clusterUrl.replace(/\/$/, '');

export default defineConfig({
  ...base,
  testDir: 'e2e-cluster',
  globalSetup: undefined,
  globalTeardown: undefined,
  workers: 1,
});
