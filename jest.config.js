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
  // Every core: jest's default (cores - 1) leaves one of a 2-core machine's cores to a main process that mostly waits.
  maxWorkers: "100%",
  testSequencer: "<rootDir>/test/support/sequencer.js",
  // Records every synthesized stack when TRTC_LR_SYNTH_CAPTURE is set (the cdktn parity check); otherwise does nothing.
  setupFilesAfterEnv: ["<rootDir>/test/support/synth-capture.ts"],
};
