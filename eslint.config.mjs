import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const sandboxImport = {
  group: ['**/sandbox', '**/sandbox/**', '@/sandbox', '@/sandbox/**'],
  message: 'The local Blue Button sandbox is a separate server: the app talks to it over HTTP only.',
};

// Test helpers are named `<name>.test-support.ts` and sit next to what they support; fixtures live in
// `__fixtures__/`, the Playwright specs and their helpers in `e2e/`. None of it is product code.
const testImport = {
  regex: '(\\.test-support|\\.test)(\\.tsx?)?$|(^|/)(__fixtures__|e2e)(/|$)',
  message:
    'Tests, test helpers (*.test-support.ts), fixtures and e2e/ are for tests only: product code may not import them.',
};
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/*.test-support.ts', '**/__fixtures__/**'];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'],
  },
  {
    files: [
      'app/**/*.{ts,tsx}',
      'components/**/*.{ts,tsx}',
      'lib/**/*.{ts,tsx}',
      'proxy.ts',
      'instrumentation.ts',
      'instrumentation-node.ts',
    ],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': ['error', { patterns: [sandboxImport, testImport] }],
    },
  },
  {
    files: ['sandbox/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': ['error', { patterns: [testImport] }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

export default config;
