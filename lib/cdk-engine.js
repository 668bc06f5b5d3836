// The runtime half of the seam: loads the CDK engine chosen by lib/engine-choice.ts (cdktf or cdktn) and exports it
// whole. Hand-written CommonJS because the engine is known only at run time; lib/cdk-engine.d.ts gives it cdktf's
// types, which cdktn shares. The build copies both files to dist/lib/. Everything else imports lib/cdktf.ts.
"use strict";
const { chooseEngine, recordEngineChoice } = require("./engine-choice");

const choice = chooseEngine({
  env: process.env,
  resolve: (id) => require.resolve(id),
  isLoaded: (path) => require.cache !== undefined && require.cache[path] !== undefined,
});
recordEngineChoice(choice);
module.exports = require(choice.path);
