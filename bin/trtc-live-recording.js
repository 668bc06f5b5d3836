#!/usr/bin/env node
// Entry point of the `trtc-live-recording` command: runs the compiled CLI in dist/.
//
// The published package ships dist/ compiled and never compiles at run time. In a checkout of the repository
// (scripts/ exists beside bin/; it is not in the package) dist/ is rebuilt first when a source file is newer, so an
// edit is never silently ignored.
"use strict";
const fs = require("fs");
const path = require("path");
const devBuild = path.join(__dirname, "..", "scripts", "build-if-stale.js");
if (fs.existsSync(devBuild)) require(devBuild).ensureBuilt();
const { runCli } = require(path.join(__dirname, "..", "dist", "cli", "main.js"));
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`error: ${err && err.message ? err.message : err}\n`);
    process.exit(1);
  },
);
