import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ (PRAXISREADY_STATIC_DIR); in dev, Vite proxies /api to a running server.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8470' } },
});
