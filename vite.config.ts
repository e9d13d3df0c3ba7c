/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vite';
import { checkRulesPlugin } from './src/lib/rules/vitePlugin';

export default defineConfig({
  base: process.env.BASE_PATH ?? './',
  plugins: [checkRulesPlugin(), svelte(), svelteTesting()],
  build: { target: 'es2022' },
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/**/*.test.ts'],
    expect: { requireAssertions: true },
  },
});
