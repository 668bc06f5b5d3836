// Preloaded into benchmarked processes (NODE_OPTIONS=--require): appends the process's peak RSS (KiB) to the file
// named by BENCH_RSS_FILE when it exits. Leaves the measured command itself unchanged.
"use strict";
const fs = require("fs");
const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    try {
      fs.appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
    } catch {
      // Measuring must never break the measured program.
    }
  });
}
