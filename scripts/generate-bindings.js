#!/usr/bin/env node
// Generates the provider bindings for the tencentcloud provider into .gen/, offline, with either engine's generator.
//
// `@cdktf/provider-tencentcloud` is not published and the Terraform registry is out of reach, so we run the engine's
// own generator (the one `cdktf get` / `cdktn get` uses) on the provider schema kept in this repository
// (schema/tencentcloud-provider-schema.json, `terraform providers schema -json` of provider 1.82.101). Then each
// generated file's engine import (`import * as cdktf from 'cdktf'`, or `... cdktn from 'cdktn'`) is pointed at the
// seam, lib/cdktf.ts, so the bindings run on whichever engine the seam loads. The output is deterministic: running
// this twice gives byte-identical files.
//
// Usage: node scripts/generate-bindings.js [--force] [--quiet] [--engine=cdktf|cdktn] [--generator-from=<dir>]
//                                          [schemaFile] [outDir]
//   --engine          whose generator runs: cdktf's @cdktf/provider-generator (default, a devDependency) or cdktn's
//                     @cdktn/provider-generator (installed by the parity check, scripts/parity/)
//   --generator-from  the folder the generator's packages are resolved from (default: this repository)
"use strict";
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

const root = path.resolve(__dirname, "..");
const argv = process.argv.slice(2);
const flags = argv.filter((a) => a.startsWith("--"));
const args = argv.filter((a) => !a.startsWith("--"));
const option = (name) => flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3);
const force = flags.includes("--force");
const quiet = flags.includes("--quiet");
const engine = option("engine") ?? "cdktf";
const generatorFrom = path.resolve(root, option("generator-from") ?? ".");
const schemaFile = path.resolve(root, args[0] || "schema/tencentcloud-provider-schema.json");
const outDir = path.resolve(root, args[1] || ".gen");
const PROVIDER_SOURCE = "tencentcloudstack/tencentcloud";
const FQPN = `registry.terraform.io/${PROVIDER_SOURCE}`;
/** The seam every generated file imports the engine from. */
const SEAM = path.join(root, "lib", "cdktf");

// Each engine's generator: its package, the deep path of the generator class, and the package of its helpers.
// Deep imports on purpose: the package index loads jsii-pacmak, which we do not need.
const GENERATORS = {
  cdktf: { pkg: "@cdktf/provider-generator", generator: "lib/get/generator/provider-generator", commons: "@cdktf/commons" },
  cdktn: { pkg: "@cdktn/provider-generator", generator: "build/get/generator/provider-generator", commons: "@cdktn/commons" },
};

// The generators' commons ask Terraform for its version and send telemetry when they load; neither is wanted offline.
process.env.CHECKPOINT_DISABLE = "1";
process.env.DISABLE_VERSION_CHECK = "1";
// They also run `terraform version` if Terraform is installed; a CLI config path that does not exist (common on
// fresh machines) makes that print a scary but harmless error, so point it at an empty file instead.
if (process.env.TF_CLI_CONFIG_FILE && !fs.existsSync(process.env.TF_CLI_CONFIG_FILE)) {
  process.env.TF_CLI_CONFIG_FILE = require("os").devNull;
}

/** The generator's import of the engine, as both generators write it (one per file that uses the engine). */
const ENGINE_IMPORT = /^import \* as (cdktf|cdktn) from '(cdktf|cdktn)';$/m;
/** Any other mention of an engine module in an import or require: refused, so nothing bypasses the seam. */
const ANY_ENGINE_IMPORT = /(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*)['"](?:cdktf|cdktn)(?:\/[^'"]*)?['"]/;

/** Points each generated file's engine import at the seam; returns how many files import it. */
function importThroughSeam(dir) {
  let count = 0;
  const visit = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        visit(p);
        continue;
      }
      if (!e.name.endsWith(".ts")) continue;
      const text = fs.readFileSync(p, "utf8");
      let rewritten = text;
      const match = ENGINE_IMPORT.exec(text);
      if (match) {
        const seam = path.relative(path.dirname(p), SEAM).split(path.sep).join("/");
        rewritten = text.replace(ENGINE_IMPORT, `import * as ${match[1]} from '${seam.startsWith(".") ? seam : `./${seam}`}';`);
        count++;
      }
      if (ANY_ENGINE_IMPORT.test(rewritten)) throw new Error(`${p} imports the engine other than by the generator's usual line; the seam cannot be applied`);
      if (rewritten !== text) fs.writeFileSync(p, rewritten);
    }
  };
  visit(dir);
  return count;
}

async function main() {
  const started = process.hrtime.bigint();
  const gen = GENERATORS[engine];
  if (!gen) throw new Error(`--engine must be one of ${Object.keys(GENERATORS).join(", ")}, got "${engine}"`);
  const load = (id) => require(require.resolve(id, { paths: [generatorFrom] }));
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  const version = schema.provider_versions && schema.provider_versions[FQPN];
  if (!version) throw new Error(`${schemaFile} has no provider_versions["${FQPN}"]`);
  if (!schema.provider_schemas || !schema.provider_schemas[FQPN]) throw new Error(`${schemaFile} has no schema for ${FQPN}`);

  // Skip when the bindings were already generated from this very schema by this very generator (and post-processing):
  // regenerating would only touch every file's mtime and force a needless recompile.
  const generatorVersion = load(`${gen.pkg}/package.json`).version;
  const stamp = crypto
    .createHash("sha256")
    .update(`${gen.pkg}@${generatorVersion}\n`)
    .update(fs.readFileSync(__filename))
    .update(fs.readFileSync(schemaFile))
    .digest("hex");
  const providerDir = path.join(outDir, "providers", "tencentcloud");
  const stampFile = path.join(providerDir, ".schema-sha256");
  if (!force && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8").trim() === stamp) {
    if (!quiet) console.log(`${path.relative(root, providerDir)} is up to date (tencentcloud ${version}, ${gen.pkg} ${generatorVersion})`);
    return;
  }

  const { TerraformProviderGenerator } = load(`${gen.pkg}/${gen.generator}`);
  const { CodeMaker } = load("codemaker");
  const { TerraformProviderConstraint, ConstructsMakerProviderTarget, LANGUAGES } = load(gen.commons);

  const constraint = new TerraformProviderConstraint({ name: "tencentcloud", source: PROVIDER_SOURCE, version });
  const code = new CodeMaker();
  new TerraformProviderGenerator(code, schema).generate(new ConstructsMakerProviderTarget(constraint, LANGUAGES[0]));

  fs.rmSync(providerDir, { recursive: true, force: true });
  await code.save(outDir);
  const throughSeam = importThroughSeam(providerDir);
  if (throughSeam === 0) throw new Error(`no generated file imports the engine: the generator's output changed, check ENGINE_IMPORT`);
  fs.writeFileSync(stampFile, stamp + "\n");
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!quiet) {
    console.log(
      `generated ${path.relative(root, providerDir)} (tencentcloud ${version}) with ${gen.pkg} ${generatorVersion} in ${ms.toFixed(0)} ms; ` +
        `${throughSeam} files import the engine through ${path.relative(root, SEAM)}`,
    );
  }
}

main().catch((err) => {
  console.error(`generate-bindings: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
