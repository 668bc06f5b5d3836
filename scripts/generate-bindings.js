#!/usr/bin/env node
// Generates the cdktf bindings for the tencentcloud provider into .gen/, offline.
//
// `@cdktf/provider-tencentcloud` is not published and the Terraform registry is out of reach, so we run
// cdktf's own generator (the one `cdktf get` uses) on the provider schema kept in this repository
// (schema/tencentcloud-provider-schema.json, `terraform providers schema -json` of provider 1.82.101).
// The output is deterministic: running this twice gives byte-identical files.
//
// Usage: node scripts/generate-bindings.js [--force] [--quiet] [schemaFile] [outDir]
"use strict";
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

const root = path.resolve(__dirname, "..");
const flags = process.argv.slice(2).filter((a) => a.startsWith("--"));
const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const force = flags.includes("--force");
const quiet = flags.includes("--quiet");
const schemaFile = path.resolve(root, args[0] || "schema/tencentcloud-provider-schema.json");
const outDir = path.resolve(root, args[1] || ".gen");
const PROVIDER_SOURCE = "tencentcloudstack/tencentcloud";
const FQPN = `registry.terraform.io/${PROVIDER_SOURCE}`;

// @cdktf/commons asks Terraform for its version and sends telemetry when it loads; neither is wanted offline.
process.env.CHECKPOINT_DISABLE = "1";
process.env.DISABLE_VERSION_CHECK = "1";
// It also runs `terraform version` if Terraform is installed; a CLI config path that does not exist (common on
// fresh machines) makes that print a scary but harmless error, so point it at an empty file instead.
if (process.env.TF_CLI_CONFIG_FILE && !fs.existsSync(process.env.TF_CLI_CONFIG_FILE)) {
  process.env.TF_CLI_CONFIG_FILE = require("os").devNull;
}

async function main() {
  const started = process.hrtime.bigint();
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  const version = schema.provider_versions && schema.provider_versions[FQPN];
  if (!version) throw new Error(`${schemaFile} has no provider_versions["${FQPN}"]`);
  if (!schema.provider_schemas || !schema.provider_schemas[FQPN]) throw new Error(`${schemaFile} has no schema for ${FQPN}`);

  // Skip when the bindings were already generated from this very schema by this very generator: regenerating
  // would only touch every file's mtime and force a needless recompile.
  const generatorVersion = require("@cdktf/provider-generator/package.json").version;
  const stamp = crypto.createHash("sha256").update(generatorVersion + "\n").update(fs.readFileSync(schemaFile)).digest("hex");
  const providerDir = path.join(outDir, "providers", "tencentcloud");
  const stampFile = path.join(providerDir, ".schema-sha256");
  if (!force && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8").trim() === stamp) {
    if (!quiet) console.log(`${path.relative(root, providerDir)} is up to date (tencentcloud ${version})`);
    return;
  }

  // Deep imports on purpose: the package index loads jsii-pacmak, which we do not need or install.
  const { TerraformProviderGenerator } = require("@cdktf/provider-generator/lib/get/generator/provider-generator");
  const { CodeMaker } = require("codemaker");
  const { TerraformProviderConstraint, ConstructsMakerProviderTarget, LANGUAGES } = require("@cdktf/commons");

  const constraint = new TerraformProviderConstraint({ name: "tencentcloud", source: PROVIDER_SOURCE, version });
  const code = new CodeMaker();
  new TerraformProviderGenerator(code, schema).generate(new ConstructsMakerProviderTarget(constraint, LANGUAGES[0]));

  fs.rmSync(providerDir, { recursive: true, force: true });
  await code.save(outDir);
  fs.writeFileSync(stampFile, stamp + "\n");
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!quiet) console.log(`generated ${path.relative(root, providerDir)} (tencentcloud ${version}) in ${ms.toFixed(0)} ms`);
}

main().catch((err) => {
  console.error(`generate-bindings: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
