import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { jsonParts } from './build/json-parts';
import { checkMantineStyles } from './build/mantine-styles-check';
import { precompress } from './build/precompress';

// The API server (`npm start`); the dev server forwards API calls to it so the session cookie
// stays same-origin.
const API_SERVER = 'http://127.0.0.1:3153';

// Pinned to this folder so the build lands in packages/web/dist from any working directory.
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

/** The citizens' pages: the portal and the survey links. The server sends portal.html for them too. */
const isCitizenPath = (path: string) => /^\/(?:portal(?:[/?#]|$)|s\/)/.test(path);

/** In development, the citizens' pages open the citizens' entry, as the server does in production. */
function citizenEntryInDev(): Plugin {
  return {
    name: 'cozum:citizen-entry-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.method === 'GET' && req.url && isCitizenPath(req.url) && (req.headers.accept ?? '').includes('text/html')) req.url = '/portal.html';
        next();
      });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), jsonParts(), citizenEntryInDev(), checkMantineStyles({ entry: 'portal.html', styles: 'src/portal-styles.ts' }), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Two entries: the staff app (index.html) and the citizens' pages (portal.html).
    rolldownOptions: { input: { index: `${root}index.html`, portal: `${root}portal.html` } },
  },
  server: {
    proxy: {
      '/api': API_SERVER,
      '/healthz': API_SERVER,
    },
  },
});
