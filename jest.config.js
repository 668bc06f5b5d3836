/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Type checking is `npm run typecheck` (part of `npm test`); ts-jest only transpiles, which keeps the run fast.
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
  moduleFileExtensions: ["ts", "js", "json"],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
  testTimeout: 30000,
  // Every core: jest's default (cores - 1) leaves one of a 2-core machine's cores to a main process that mostly waits.
  maxWorkers: "100%",
  testSequencer: "<rootDir>/test/support/sequencer.js",
  // Records every synthesized stack when TRTC_LR_SYNTH_CAPTURE is set (the cdktn parity check); otherwise does nothing.
  setupFilesAfterEnv: ["<rootDir>/test/support/synth-capture.ts"],
};
