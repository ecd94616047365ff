import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server (`npm start`); the dev server forwards API calls to it so the session cookie
// stays same-origin.
const API_SERVER = 'http://127.0.0.1:3153';

export default defineConfig({
  // Pinned to this folder so the build lands in packages/web/dist from any working directory.
  root: decodeURIComponent(new URL('.', import.meta.url).pathname),
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': API_SERVER,
      '/healthz': API_SERVER,
    },
  },
});
