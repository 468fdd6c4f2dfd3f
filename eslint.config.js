import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * The hub's folders: a feature is a folder with a `<name>-feature.ts` (docs/hub-layout.md); the rest is
 * infrastructure (bus, store, http, socket, config, exports…), which must not import a feature: features plug into
 * it through the HubContext, never the other way round.
 */
const HUB_SRC = new URL('./apps/hub/src/', import.meta.url);
const hubFolders = readdirSync(HUB_SRC, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const features = hubFolders.filter((name) =>
  readdirSync(new URL(`${name}/`, HUB_SRC)).some((file) => file.endsWith('-feature.ts')),
);
const infrastructure = hubFolders.filter((name) => !features.includes(name));

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '.tmp/', 'coverage/', '**/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Express recognises error handlers by their four parameters, so an unused `_next` must stay.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
    },
  },
  {
    files: infrastructure.map((name) => `apps/hub/src/${name}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: features.flatMap((name) => [`../${name}/*`, `../../${name}/*`]),
              message:
                'Infrastructure does not import a feature (docs/hub-layout.md): take what the feature gives through the HubContext.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
