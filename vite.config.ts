import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Electron window loads dist/renderer/index.html from disk, so every asset path is relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
