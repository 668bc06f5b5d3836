#!/usr/bin/env node
// Entry point of the `trtc-live-recording` command: runs the compiled CLI in dist/.
//
// The published package ships dist/ compiled and never compiles at run time. In a checkout of the repository
// (scripts/ exists beside bin/; it is not in the package) dist/ is rebuilt first when a source file is newer, so an
// edit is never silently ignored.
//
// This file is the command's composition root: it wires in the console drivers besides `guided`. The package's
// production code never imports the emulator; `--console-driver emulator` (for runs against `npm run emulator` or
// `startEmulator`) is registered here, and its module is loaded only when that driver is chosen.
"use strict";
const fs = require("fs");
const path = require("path");
const devBuild = path.join(__dirname, "..", "scripts", "build-if-stale.js");
if (fs.existsSync(devBuild)) require(devBuild).ensureBuilt();
const dist = path.join(__dirname, "..", "dist");
const { runCli } = require(path.join(dist, "cli", "main.js"));
const consoleDrivers = {
  emulator: (target) => require(path.join(dist, "emulator", "console-driver.js")).emulatorConsoleDriver(target),
};
runCli(process.argv.slice(2), {}, { postDeploy: { consoleDrivers } }).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`error: ${err && err.message ? String(err.message).replace(/\s*\n\s*/g, " ") : err}\n`);
    process.exit(1);
  },
);
