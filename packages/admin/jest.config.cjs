/**
 * Two projects: component tests in jsdom (src/**\/*.test.tsx) and, in node, the end-to-end tests
 * that drive headless Chromium against the real server on a real database (test/e2e), plus the
 * generated-code freshness check. PostgreSQL comes from the server's global setup: DATABASE_URL
 * when set, else an embedded one.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true, decorators: true },
      transform: { react: { runtime: 'automatic' }, legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  globalSetup: '<rootDir>/../server/test/global-setup.mjs',
  globalTeardown: '<rootDir>/../server/test/global-teardown.mjs',
  projects: [
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.test.tsx', '**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: { '\\.css$': 'identity-obj-proxy' },
      setupFilesAfterEnv: ['<rootDir>/test/setup-dom.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      slowTestThreshold: 60,
    },
  ],
  testTimeout: 60000,
  maxWorkers: 2,
};
