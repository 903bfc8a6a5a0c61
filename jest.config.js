/** Jest runs TypeScript through swc (fast); `npm run typecheck` does the type checking. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }],
  },
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest (ESM-only) which Jest 30 cannot require.
    '^office-addin-manifest$': '<rootDir>/test/stubs/office-addin-manifest.js',
  },
  setupFiles: ['<rootDir>/test/helpers/browser-globals.js'],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/reporters/summary-line.js'],
};
