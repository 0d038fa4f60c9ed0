import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built straight into the jar: the war serves META-INF/resources/admin/* at /admin/*.
// A relative base keeps asset URLs right whatever the war's context root is.
// @parley/protocol (the wire catalogue, ../protocol) is a workspace package that npm links; Vite reads its TypeScript.
// The console's CSP allows no inline script or style (docs/security.md): everything is emitted as files.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'target/classes/META-INF/resources/admin',
    emptyOutDir: true,
    target: 'es2020',
  },
});
