/**
 * The Terraform output ids the stacks write and the post-deploy step reads (from `cdktf deploy --outputs-file`, or
 * `--output <id>=<value>` from `PostDeployHook`): ONE definition for both sides. They are part of the public contract
 * (README, "Terraform outputs"): CI jobs read them with `cdktf output`, so a change is a breaking change.
 */

/** The outputs of one `LiveRecording`, each prefixed with its `outputPrefix`. */
export const OUTPUT_IDS = { sdkAppId: "sdk_app_id", vodSubAppId: "vod_sub_app_id", vodSubAppName: "vod_sub_app_name" } as const;

/** The outputs of a `LiveRecordingStack` itself (besides those of its LiveRecording). */
export const STACK_OUTPUT_IDS = { region: "region", desiredStateSha256: "desired_state_sha256" } as const;
