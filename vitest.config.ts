import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Model loading and real HTTP servers make some tests slower than vitest's 5 s default.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers only thrash onnxruntime.
    maxWorkers: 2,
  },
});
