import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The wire protocol's types live in one module, in the widget; the console imports it as @parley/protocol.
// That file has no imports of its own, so building the console needs nothing from the widget's node_modules.
const protocol = fileURLToPath(new URL('../widget-ui/src/lib/protocol.ts', import.meta.url));

// Built straight into the jar: the war serves META-INF/resources/admin/* at /admin/*.
// A relative base keeps asset URLs right whatever the war's context root is.
export default defineConfig({
  base: './',
  resolve: {
    alias: { '@parley/protocol': protocol },
  },
  build: {
    outDir: 'target/classes/META-INF/resources/admin',
    emptyOutDir: true,
    target: 'es2020',
  },
});
