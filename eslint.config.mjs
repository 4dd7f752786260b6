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
    // Type-aware rules read the TypeScript program (tsconfig.json): a promise nobody awaits is an error.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Layering (DESIGN §1): src/ never imports cdktf or a provider.
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
                '../../cli/*',
                '../../examples/*',
                '../constructs/*',
                '../stacks/*',
                '../cli/*',
              ],
              message: 'Imports run one way: examples -> cli -> stacks -> blueprints -> constructs -> src.',
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
              group: ['../stacks/*', '../blueprints/*', '../cli/*', '../examples/*'],
              message: 'Imports run one way: examples -> cli -> stacks -> blueprints -> constructs -> src.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['blueprints/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../stacks', '../stacks/*', '../cli', '../cli/*', '../examples/*'],
              message: 'Imports run one way: examples -> cli -> stacks -> blueprints -> constructs -> src.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['stacks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../cli', '../cli/*', '../examples/*'],
              message: 'Imports run one way: examples -> cli -> stacks -> blueprints -> constructs -> src.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../examples', '../examples/*'],
              message: 'Imports run one way: examples -> cli -> stacks -> blueprints -> constructs -> src.',
            },
          ],
        },
      ],
    },
  },
);
