import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `pnpm dev`: Vite on :5173 with /graphql (HTTP and WebSocket), /export and /import proxied to the server (OMS_SERVER_URL, default :4000).
const target = process.env.OMS_SERVER_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target, ws: true, changeOrigin: true },
      '/export': { target, changeOrigin: true },
      '/import': { target, changeOrigin: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
