/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vite';
import { checkRulesPlugin } from './src/lib/rules/vitePlugin';

export default defineConfig({
  // Relative asset URLs let the same build run at / or under a portal's sub-path (e.g. /benefits/).
  base: process.env.BASE_PATH ?? './',
  plugins: [checkRulesPlugin(), svelte(), svelteTesting()],
  build: { target: 'es2022' },
  test: {
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: ['tests/{engine,rules,cli,batch}/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'ui', environment: 'jsdom', setupFiles: ['tests/setup.ts'], include: ['tests/ui/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
