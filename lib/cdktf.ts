/**
 * The seam: the one module this package, its tests and the generated provider bindings (.gen/, whose engine import
 * scripts/generate-bindings.js points here) import the CDK engine from. The engine is cdktf or cdktn (CDK Terrain, the
 * maintained fork), chosen at run time by lib/engine-choice.ts and loaded by lib/cdk-engine.js; both implement cdktf's
 * API, whose types these are.
 */
import { IConstruct } from "constructs";
import { App, TerraformStack } from "./cdk-engine";
import { currentEngine } from "./engine-choice";

export * from "./cdk-engine";
/** `terraform_data` (Terraform 1.4+), e.g. to run a provisioner when a value changes. */
export { DataResource as TerraformDataResource } from "./cdk-engine";

const RTTI = Symbol.for("jsii.rtti");

/** `cdktn.TerraformStack 0.24.0`: the engine class an object was made by, from the engine's own type information. */
function madeBy(obj: object): string {
  for (let ctor = obj.constructor as unknown; typeof ctor === "function"; ctor = Object.getPrototypeOf(ctor)) {
    const rtti = (ctor as unknown as Record<symbol, { fqn?: string; version?: string } | undefined>)[RTTI];
    if (rtti?.fqn !== undefined && /^(?:cdktf|cdktn)\./.test(rtti.fqn)) return `${rtti.fqn} ${rtti.version ?? ""}`.trim();
  }
  return "an unknown engine";
}

/**
 * Refuses a scope whose stack or app was made by another engine (or another copy of it) than the one this package
 * loaded: each engine synthesizes only its own objects, and mixing them fails deep inside synthesis, if at all.
 */
export function checkSameEngine(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  const root = scope.node.root;
  const foreign: Array<[string, object]> = [];
  if (!(stack instanceof TerraformStack)) foreign.push(["stack", stack]);
  if (App.isApp(root) && !(root instanceof App)) foreign.push(["app", root]);
  if (foreign.length === 0) return;
  const [what, obj] = foreign[0];
  const engine = currentEngine();
  const loaded = engine === undefined ? "its engine" : `${engine.name} (${engine.path}, ${engine.reason})`;
  throw new Error(
    `[${scope.node.path}] the ${what} is a ${madeBy(obj)}, but trtc-live-recording runs on ${loaded}: an app and this package ` +
      `must use the same engine; set TRTC_LIVE_RECORDING_CDK_ENGINE to the app's engine (cdktf or cdktn) or install only that one`,
  );
}
