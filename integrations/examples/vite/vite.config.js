export default {
  // Pre-bundling would move argmap.js away from its wasm and stylesheet in the dev server.
  optimizeDeps: { exclude: ['argmap'] },
};
