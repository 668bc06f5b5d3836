// Test order: the consumer test (pack, install into a fresh app, its commands: the longest file, mostly waiting on
// child processes) starts first, so it overlaps the other suites instead of running after them; the rest as jest
// orders them (failed first, then slowest first).
"use strict";
const Sequencer = require("@jest/test-sequencer").default;

const FIRST = /[\\/]test[\\/]package[\\/]consumer\.test\.ts$/;

class ConsumerFirstSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [...sorted.filter((t) => FIRST.test(t.path)), ...sorted.filter((t) => !FIRST.test(t.path))];
  }
}

module.exports = ConsumerFirstSequencer;
