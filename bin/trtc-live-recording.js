#!/usr/bin/env node
// Entry point of the `trtc-live-recording` command: runs the compiled CLI, compiling first if a source changed.
"use strict";
const path = require("path");
require(path.join(__dirname, "..", "scripts", "build-if-stale")).ensureBuilt();
const { runCli } = require(path.join(__dirname, "..", "dist", "cli", "main.js"));
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`error: ${err && err.message ? err.message : err}\n`);
    process.exit(1);
  },
);
