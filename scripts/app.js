#!/usr/bin/env node
// The cdktf app command (cdktf.json "app"). Runs the compiled app from dist/, compiling first only when a
// source file is newer than the last build, so an edit to main.ts is never silently ignored and an unchanged
// tree starts as fast as plain `node`.
"use strict";
const path = require("path");
const { ensureBuilt } = require("./build-if-stale");

ensureBuilt();
require(path.join(__dirname, "..", "dist", "main.js")).synth();
