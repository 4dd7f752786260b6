// Preloaded into a benchmarked command: reports, on exit, the peak resident memory and the CPU
// time (user + system) of the process that does the work (stderr, one line each).
process.on('exit', () => {
  const cpu = process.cpuUsage();
  process.stderr.write(`BENCH_PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
  process.stderr.write(`BENCH_CPU_MS=${(cpu.user + cpu.system) / 1000}\n`);
});
