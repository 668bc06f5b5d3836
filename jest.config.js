const os = require("os");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Type checking is tsc's, beside jest (`npm test`, scripts/test.js); jest only transpiles, with swc: on a fresh clone
  // (cold cache) the suite took 61 s of wall and 104 s of CPU with ts-jest's transpiler, 54 s and 89 s with swc.
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }] },
  moduleFileExtensions: ["ts", "js", "json"],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
  testTimeout: 30000,
  // One worker more than cores: the consumer test and the `npm start` demo spend most of their time waiting on child
  // processes and API pacing (npm start: ~11 s of wall, ~2.5 s of CPU), and a core would idle meanwhile. On 2 cores,
  // npm test took 62.6 s with 2 workers and 53.5 s with 3.
  maxWorkers: os.availableParallelism() + 1,
  testSequencer: "<rootDir>/test/support/sequencer.js",
  // Records every synthesized stack when TRTC_LR_SYNTH_CAPTURE is set (the cdktn parity check); otherwise does nothing.
  setupFilesAfterEnv: ["<rootDir>/test/support/synth-capture.ts"],
};
