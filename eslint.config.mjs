import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'cdktf.out/',
      'coverage/',
      'generated/',
      '.scratch/',
      'test/.readme-*/',
      '**/*.js',
      '!src/report/browser/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Layering (DESIGN §1): src/ never imports cdktf or a provider, except the CLI entry.
      'no-restricted-imports': 'off',
    },
  },
  {
    // The report page's script: plain ES5 run by the browser, inlined in the page as it is.
    files: ['src/report/browser/*.js'],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: { document: 'readonly', window: 'readonly', setTimeout: 'readonly' },
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['cdktf', 'cdktf/*', '@cdktf/*'],
              message: 'src/ is engine-neutral: no cdktf here (DESIGN §1).',
            },
            {
              group: [
                '../../constructs/*',
                '../../stacks/*',
                '../../blueprints/*',
                '../../examples/*',
                '../constructs/*',
                '../stacks/*',
              ],
              message: 'Imports run one way: examples -> stacks -> blueprints -> constructs -> src.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['constructs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../stacks/*', '../blueprints/*', '../examples/*'],
              message: 'Imports run one way: examples -> stacks -> blueprints -> constructs -> src.',
            },
          ],
        },
      ],
    },
  },
);
