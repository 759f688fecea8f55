// Preloaded into a command run by bench/run.ts: reports the process's peak resident set size when it exits,
// so the bench sees what one `allocation` command costs on its own, as a clerk runs it.
process.on('exit', () => {
  process.stderr.write(`\nALLOCATION_BENCH_PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
