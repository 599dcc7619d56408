import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    rollupOptions: {
      // zod 4.5+ places two /* @__PURE__ */ notes where Rollup cannot use them; it drops the
      // comments and the code is the same (see the README's FAQ).
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/zod/') === true) return;
        warn(warning);
      },
    },
  },
});
