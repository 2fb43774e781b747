import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  // The window loads the built files from ui/dist through Tauri's asset protocol.
  base: './',
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'safari15',
    // One CSS file, no inline styles: the CSP allows style-src 'self' only.
    cssCodeSplit: false,
    assetsInlineLimit: 0,
  },
});
