import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from file:// under Electron and from the web host over HTTP: relative
// asset URLs (base './') work in both. In development `/api` goes to the mock host (renderer/dev).
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    // Relative to `root`.
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://127.0.0.1:4319' },
  },
});
