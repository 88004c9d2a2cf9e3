// `prepare`, run by a plain `npm ci` / `npm install` in a clone: builds dist/
// for development. A production install (`npm ci --omit=dev`,
// NODE_ENV=production) has no esbuild and builds nothing: production runs
// the packed package, whose dist/ `prepack` built. `npm pack` runs prepack
// itself, so prepare does not build a second time then.
if (['pack', 'publish'].includes(process.env.npm_command ?? '')) process.exit(0);
try {
  await import('esbuild');
} catch {
  console.error('qemu-patchlint: no esbuild (a production install): dist/ is not built here; deploy the packed package (README, "Deploy the app")');
  process.exit(0);
}
await import('./build.mjs');
