/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Built straight into the jar: the war serves META-INF/resources/widget/* at /widget/*. Two builds:
// - the chat (default mode): frame.html and its script, the page the loader opens in a frame;
// - the loader (--mode loader): parley.js (UMD, the script tag) and parley.es.js (ES module, for bundlers).
const outDir = 'target/classes/META-INF/resources/widget';

export default defineConfig(({ mode }) =>
  mode === 'loader'
    ? {
        publicDir: false,
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2020',
          minify: true,
          lib: {
            entry: 'src/loader.ts',
            name: 'Parley',
            formats: ['umd', 'es'],
            fileName: (format) => (format === 'umd' ? 'parley.js' : 'parley.es.js'),
          },
        },
      }
    : {
        base: './',
        build: {
          outDir,
          emptyOutDir: true,
          target: 'es2020',
          sourcemap: false,
          rollupOptions: { input: 'frame.html' },
        },
        test: {
          include: ['src/**/*.test.ts'],
        },
      },
);
