import { defineConfig } from 'vite';

// Built straight into the jar: the war serves META-INF/resources/admin/* at /admin/*.
// A relative base keeps asset URLs right whatever the war's context root is.
// @parley/protocol (the wire catalogue, ../protocol) is a workspace package that npm links; Vite reads its TypeScript.
export default defineConfig({
  base: './',
  build: {
    outDir: 'target/classes/META-INF/resources/admin',
    emptyOutDir: true,
    target: 'es2020',
  },
});
