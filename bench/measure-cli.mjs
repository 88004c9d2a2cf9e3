// Runs the CLI through bin/patchlint.js in this process and prints, on exit,
// the figures the benchmarks need: wall time since start and peak RSS. Used as
//   node bench/measure-cli.mjs <patchlint args...>
const started = process.hrtime.bigint();
process.on('exit', () => {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stderr.write(`\n${JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
});
await import('../bin/patchlint.js');
