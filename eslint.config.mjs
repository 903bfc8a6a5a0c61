// ESLint flat config (ESLint 9). `npm run lint` = `eslint src test scripts`.
// Pragmatic on purpose: typescript-eslint's recommended rules for TypeScript, the Office add-in rules
// (eslint-plugin-office-addins) for src/, and no formatting rules (the plugin's own "recommended"
// config bundles prettier, so only its office-addins/* rules are taken from it).
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

/** office-addins/* rules with the levels the plugin recommends (e.g. load-object-before-read, call-sync-before-read). */
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith('office-addins/')),
);

export default defineConfig([
  {
    ignores: ['scripts/_*', 'dist/', 'dist-wps/', 'lib/', 'node_modules/', 'coverage/', 'test/fixtures/xlsx/', 'test/out/', 'samples/out/'],
  },
  {
    files: ['{src,test,scripts}/**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinsRules,
  },
  {
    // Node scripts, Jest reporters/stubs and tool configs are CommonJS.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', ecmaVersion: 2022 },
  },
]);
