// The parity check's jest configuration (scripts/parity/cdktn.ts): the repository's (whose synthesis recorder,
// test/support/synth-capture.ts, records when TRTC_LR_SYNTH_CAPTURE is set), plus the example app's harness
// (test/parity/*.parity.ts), and, on cdktn, the bindings cdktn's generator wrote (TRTC_LR_PARITY_BINDINGS) in place of
// .gen/. The engine itself is chosen by the seam (TRTC_LIVE_RECORDING_CDK_ENGINE) and found through NODE_PATH, both set
// by cdktn.ts.
"use strict";
const path = require("path");
const base = require("../../jest.config.js");

const root = path.resolve(__dirname, "..", "..");
const bindings = process.env.TRTC_LR_PARITY_BINDINGS;

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: root,
  testMatch: [...base.testMatch, "**/*.parity.ts"],
  // Imports of the bindings (`../.gen/providers/tencentcloud/...` from any depth) go to the other generator's output.
  moduleNameMapper: {
    ...(base.moduleNameMapper ?? {}),
    ...(bindings ? { "^(?:\\./|(?:\\.\\./)+)\\.gen/providers/tencentcloud/(.*)$": `${path.resolve(root, bindings)}/providers/tencentcloud/$1` } : {}),
  },
  // Results are reported by cdktn.ts; the tests' own console output is not needed.
  silent: true,
};
