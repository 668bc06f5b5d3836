/**
 * A LOCAL STAND-IN FOR `terraform plan` / `terraform apply`, for the offline demo, the tests and the benchmark only.
 *
 * The tencentcloud provider cannot be downloaded here, so this reads the synthesized `cdk.tf.json` of each stack and
 * does what provider 1.82.101 does for the resource types it has a handler for (tencentcloud_vod_sub_application,
 * tencentcloud_vod_event_config, tencentcloud_cam_policy, tencentcloud_cam_user_policy_attachment,
 * tencentcloud_cam_role_policy_attachment: the same API calls, sent to the emulator), with a state file per stack.
 * See engine.ts for the plan/apply cycle and handlers/ for each resource type.
 */
import type { ClientConfig } from "tencentcloud-sdk-nodejs/tencentcloud/common/interface";
import { TerraformStandIn } from "./terraform-standin/engine";

export { TerraformStandIn } from "./terraform-standin/engine";
export type { ResourceChange, StandInOptions, StandInPlan, StandInState } from "./terraform-standin/engine";

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

export interface StandInResult {
  /** cdktf's outputs-file content: `{ <stack>: { <construct path...>: { <output>: value } } }`. */
  readonly outputs: Record<string, Json>;
  /** One line per API call made, for the demo's output. */
  readonly calls: readonly string[];
  /** The VOD sub-applications in the state after apply, per stack. */
  readonly subApps: readonly { readonly stack: string; readonly name: string; readonly subAppId: number }[];
}

/**
 * `terraform apply` over every stack of `synthDir` with calls sent through `clientConfig` (per service; a single
 * configuration serves VOD only); writes `outputsFile` when given. The state is kept in `stateDir` (default
 * `<synthDir>/.terraform-standin`), so a second call changes only what differs.
 */
export async function terraformApplyStandIn(
  synthDir: string,
  clientConfig: ClientConfig | ((service: string) => ClientConfig),
  outputsFile?: string,
  stateDir?: string,
): Promise<StandInResult> {
  const calls: string[] = [];
  const standIn = new TerraformStandIn({
    synthDir,
    stateDir,
    clientConfig: (service) => {
      if (typeof clientConfig === "function") return clientConfig(service);
      if (service !== "vod") throw new Error(`the stand-in has no client configuration for ${service}`);
      return clientConfig;
    },
    log: (line) => calls.push(line),
  });
  const { outputs } = await standIn.apply(outputsFile);
  const subApps: { stack: string; name: string; subAppId: number }[] = [];
  for (const name of standIn.stacks()) {
    const state = standIn.readState(name);
    for (const r of Object.values(state.resources)) {
      if (r.type !== "tencentcloud_vod_sub_application") continue;
      subApps.push({ stack: name, name: String(r.attributes.name), subAppId: Number(r.id.split("#")[1]) });
    }
  }
  return { outputs, calls, subApps };
}
