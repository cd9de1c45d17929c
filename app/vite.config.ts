import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The wijkteam screen and the policy dashboard, built into `app/dist` and served by the gateway under
 * `/app/` (gateway/app.ts): one origin with GraphQL, so no CORS and no second server. Everything the page
 * loads is in the bundle: no CDN, no web fonts from elsewhere.
 */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The charts are most of the bundle; one file for them keeps the first screen's script small.
    rollupOptions: { output: { manualChunks: (id) => (id.includes('recharts') || id.includes('d3-') ? 'charts' : undefined) } },
    chunkSizeWarningLimit: 1200,
  },
  logLevel: 'warn',
});
