// Preloaded into a benchmarked command: reports its peak resident memory on exit (stderr, one line).
process.on('exit', () => {
  process.stderr.write(`BENCH_PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
