/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Built straight into the jar: the war serves META-INF/resources/widget/* at /widget/*.
export default defineConfig({
  base: './',
  build: {
    outDir: 'target/classes/META-INF/resources/widget',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    lib: {
      entry: 'src/main.ts',
      name: 'Parley',
      formats: ['umd', 'es'],
      fileName: (format) => `parley-widget.${format}.js`,
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
