// Vite builds the tablet into dist/staff-tablet, which the API serves at /staff/ (apps/api/src/http/staff-tablet.ts).
// `npm run dev:staff` serves it with hot reload and sends /graphql (HTTP and WebSocket) to a running API.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const api = process.env.STAFF_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/staff/',
  // JSX through Vite's own transformer (React's automatic runtime): no plugin, no Babel.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/staff-tablet', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: { port: 5173, proxy: { '/graphql': { target: api, ws: true } } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
