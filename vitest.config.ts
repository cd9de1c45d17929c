import { defineConfig } from 'vitest/config';

/**
 * Tests by suffix (house style): `*.test.ts` runs without network or database; `*.integration.test.ts`
 * uses a real database (PGlite, or the server named by DATABASE_URL); `*.e2e.test.ts` runs the whole
 * supergraph over real HTTP. `vitest --project unit` runs one kind.
 */
const exclude = ['node_modules/**', '.data/**'];
// SKIP_SCREEN_TESTS=1 leaves out the web application's browser tests (.ci/run: they test the screens, which
// do not change with the storage, so its Postgres run does not repeat them).
const screens = process.env.SKIP_SCREEN_TESTS === '1' ? ['test/app*.e2e.test.ts'] : [];

export default defineConfig({
  test: {
    // The services' JSON log at error: a failure shows in a run; the warnings every test hub's start gives do not.
    env: { APOLLO_TELEMETRY_DISABLED: '1', TZ: 'UTC', LOG_LEVEL: 'error' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...exclude, '**/*.integration.test.ts', '**/*.e2e.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['**/*.integration.test.ts'], exclude, testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        // The browser tests need the web application built (app/build.ts): once, before any file runs.
        test: { name: 'e2e', include: ['**/*.e2e.test.ts'], exclude: [...exclude, ...screens], testTimeout: 60_000, hookTimeout: 180_000, globalSetup: ['test/support/build-app.ts'] },
      },
    ],
  },
});
