#!/usr/bin/env node
// `npm test`: the type check (tsc over sources and tests) and jest, side by side. tsc uses one core for ~15 s; jest's
// workers use the rest and get the whole machine once tsc is done, instead of waiting for it. tsc's findings are
// printed after jest's report. Exit code: tsc's when it fails, else jest's. Arguments go to jest.
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");

function run(args, options) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, ...options });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

(async () => {
  const tsc = run([require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"], { stdio: ["ignore", "pipe", "pipe"] });
  const jest = run([require.resolve("jest/bin/jest"), ...process.argv.slice(2)], { stdio: "inherit" });
  const [typecheck, tests] = await Promise.all([tsc, jest]);
  if (typecheck.code !== 0) {
    process.stderr.write(`\ntsc -p tsconfig.json failed (exit ${typecheck.code}):\n${typecheck.output}`);
    process.exit(typecheck.code);
  }
  process.exit(tests.code);
})();
