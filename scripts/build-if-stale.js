// Rebuilds dist/ with tsc (JavaScript and .d.ts) when any TypeScript source (or the generated bindings) is newer than
// the last build, and removes outputs whose source is gone, so dist/ (what the package ships) holds no stale module.
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const STAMP = path.join(root, "dist", ".build-stamp");
const SOURCE_DIRS = ["cli", "lib", "constructs", "stacks", "rules", "postdeploy", "emulator", "plan", "scripts", ".gen"];
// Hand-written JavaScript with its declarations, copied as is (tsc compiles TypeScript only): the seam's runtime half.
const COPIED = ["lib/cdk-engine.js", "lib/cdk-engine.d.ts"];

function newestSourceMtime() {
  let newest = 0;
  const visit = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name.endsWith(".ts") || COPIED.includes(path.relative(root, p).split(path.sep).join("/"))) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const f of fs.readdirSync(root)) {
    if (f.endsWith(".ts") || f === "tsconfig.json" || f === "tsconfig.build.json") {
      newest = Math.max(newest, fs.statSync(path.join(root, f)).mtimeMs);
    }
  }
  for (const d of SOURCE_DIRS) visit(path.join(root, d));
  return newest;
}

function isStale() {
  let built;
  try {
    built = fs.statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  return newestSourceMtime() > built;
}

/** Deletes dist/ files (.js, .d.ts) whose TypeScript source no longer exists; tsc's incremental build keeps them. */
function pruneOrphans() {
  const dist = path.join(root, "dist");
  const visit = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        visit(p);
        if (fs.readdirSync(p).length === 0) fs.rmdirSync(p);
        continue;
      }
      const relative = path.relative(dist, p);
      const match = /^(.*)\.(?:d\.ts|js)$/.exec(relative);
      if (match && !fs.existsSync(path.join(root, `${match[1]}.ts`)) && !fs.existsSync(path.join(root, relative))) fs.rmSync(p);
    }
  };
  if (fs.existsSync(dist)) visit(dist);
}

/** Compiles with tsc (type-checked) when stale. Returns true when it had to build. */
function ensureBuilt({ force = false } = {}) {
  if (!force && !isStale()) return false;
  // The stamp takes the time the build started, so an edit made during the build still counts as newer.
  const started = new Date();
  // tsc's incremental build info says what it emitted, not what is still on disk: a forced build (`npm run build`)
  // forgets it, so an output deleted or overwritten since is written again.
  if (force) fs.rmSync(path.join(root, "dist", ".tsbuildinfo"), { force: true });
  const tsc = require.resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit", cwd: root });
  for (const f of COPIED) fs.copyFileSync(path.join(root, f), path.join(root, "dist", f));
  pruneOrphans();
  fs.mkdirSync(path.dirname(STAMP), { recursive: true });
  fs.writeFileSync(STAMP, started.toISOString() + "\n");
  fs.utimesSync(STAMP, started, started);
  return true;
}

module.exports = { ensureBuilt, isStale };

if (require.main === module) {
  const force = process.argv.includes("--force");
  const built = ensureBuilt({ force });
  if (!process.argv.includes("--quiet")) console.log(built ? "built dist/" : "dist/ is up to date");
}
