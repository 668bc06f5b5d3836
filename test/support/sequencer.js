// Test order: the files that mostly wait on child processes start first, so they overlap the other suites instead of
// running after them: the consumer test (pack, install into a fresh app, its commands: the longest file) and the
// `npm start` demo (paced by the documented API rates). The rest as jest orders them (failed first, then slowest first).
"use strict";
const Sequencer = require("@jest/test-sequencer").default;

const FIRST = /[\\/]test[\\/](package[\\/]consumer|demo[\\/]npm-start)\.test\.ts$/;

class WaitingFirstSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [...sorted.filter((t) => FIRST.test(t.path)), ...sorted.filter((t) => !FIRST.test(t.path))];
  }
}

module.exports = WaitingFirstSequencer;
