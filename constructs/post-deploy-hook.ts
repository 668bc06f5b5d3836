import { Construct } from "constructs";
import { Lazy, TerraformDataResource, TerraformStack, TerraformVariable, Token } from "../lib/cdktf";
import type { SecretSourceSpec } from "../lib/desired-state";
import { checkKnownKeys, checkObject, checkString, fail, keysOf, validateAt } from "../lib/validation";
import { DesiredStateDocument } from "./desired-state-document";
import type { LiveRecording } from "./live-recording";

/** The keys of the props (a prop added to an interface without its key here fails to compile: `keysOf`). */
export const POST_DEPLOY_HOOK_PROP_KEYS = keysOf<PostDeployHookProps>()({ recording: true, projectDir: true, extraArgs: true });

/**
 * The shell command that runs this package's CLI from a stack's working directory: the project's installed package
 * through npm's own bin lookup (`--no-install`: a missing package fails the deploy instead of being downloaded).
 */
function cliCommand(projectDir: string): string {
  return `npx --no-install --prefix ${projectDir} trtc-live-recording`;
}

export interface PostDeployHookProps {
  /** The Live recording whose post-deploy step runs. */
  readonly recording: LiveRecording;
  /**
   * The project folder: where this package is installed (its `trtc-live-recording` command is run from there) and where
   * the post-deploy state and attestations are kept. Relative to the stack's working directory
   * (`cdktf.out/stacks/<stack>`, where Terraform runs local-exec provisioners), so the configuration holds no
   * machine-specific path.
   * @default "../../.." - the project of the default cdktf output folder
   */
  readonly projectDir?: string;
  /**
   * More arguments for `post-deploy apply`, e.g. `["--console-driver", "guided"]`. Never a secret: they are stored
   * in the Terraform configuration and state.
   * @default - none
   */
  readonly extraArgs?: readonly string[];
}

/**
 * Re-runs `post-deploy apply` for this stack from `terraform apply` (`cdktf deploy`) whenever the desired state
 * changes: a `terraform_data` resource whose `triggers_replace` holds the desired-state hash (and the VOD SubAppId,
 * so a replaced application gets its SignKey and console settings again), with a `local-exec` provisioner.
 *
 * The provisioner runs `npx --no-install --prefix <projectDir> trtc-live-recording ...`: the command of the package
 * installed in the project (in this repository, the repository's own), never one fetched at deploy time. The
 * machine that runs Terraform needs Node with npm and the project's `node_modules`.
 *
 * The VOD SubAppId is passed as `--output vod_sub_app_id=<id>`; secrets declared as Terraform variables reach the
 * command only through the provisioner's `environment` (`TF_VAR_<name> = var.<name>`), never on its command line.
 * Terraform then suppresses the provisioner's output (it involves sensitive values): run `post-deploy check` to see
 * the report. Exit code 2 (pending console steps, warnings) lets the deploy go on; 1 and 3 fail it.
 */
export class PostDeployHook extends Construct {
  /** The `terraform_data` resource. */
  public readonly resource: TerraformDataResource;

  constructor(scope: Construct, id: string, props: PostDeployHookProps) {
    super(scope, id);
    validateAt(this, () => {
      checkObject("props", props, "a PostDeployHookProps object");
      checkKnownKeys(props, POST_DEPLOY_HOOK_PROP_KEYS, "PostDeployHookProps");
      const recording = props.recording as Partial<LiveRecording> | undefined;
      if (typeof recording?.toDesiredApp !== "function") fail("recording", "a LiveRecording", props.recording);
      if (props.extraArgs !== undefined && !Array.isArray(props.extraArgs)) fail("extraArgs", "a list of arguments", props.extraArgs);
    });
    const projectDir = props.projectDir ?? "../../..";
    validateAt(this, () => {
      checkString("projectDir", projectDir, { min: 1, max: 4096, pattern: /^[^\s"'`$\\;&|<>]+$/, patternText: "a path without spaces or shell characters" });
      for (const [i, a] of (props.extraArgs ?? []).entries()) {
        checkString(`extraArgs[${i}]`, a, { min: 1, max: 1024, pattern: /^[^\s"'`$\\;&|<>]+$/, patternText: "an argument without spaces or shell characters" });
      }
    });
    const stack = TerraformStack.of(this);
    const document = DesiredStateDocument.of(stack);
    const app = props.recording.toDesiredApp();
    const vod = props.recording.vodApplication;

    const args = [
      `${cliCommand(projectDir)} post-deploy apply`,
      "--desired-state live-recording.json",
      `--state-dir ${projectDir}/.post-deploy`,
      `--attestations ${projectDir}/post-deploy.attestations.json`,
    ];
    const triggers: Record<string, string> = { desired_state_sha256: Lazy.stringValue({ produce: () => document.hash() }) };
    const outputId = app.vodApplication?.subAppIdOutput;
    if (vod !== undefined && outputId !== undefined && outputId !== null && Token.isUnresolved(vod.subAppId)) {
      const subAppId = Token.asString(vod.subAppId);
      args.push(`--output ${outputId}=${subAppId}`);
      triggers.vod_sub_app_id = subAppId;
    }
    args.push(...(props.extraArgs ?? []));

    const environment: Record<string, string> = {};
    const sources = [app.callbacks.vodEvents?.signKey, app.callbacks.trtcRecording?.key, app.callbacks.liveWebhook?.token];
    for (const source of sources.filter((s): s is SecretSourceSpec => s !== null && s !== undefined)) {
      if (source.source !== "terraform-variable") continue;
      const variable = stack.node.tryFindChild(source.variable);
      if (variable instanceof TerraformVariable) environment[source.environment] = variable.stringValue;
    }

    const eventConfig = props.recording.callbacks.vodEventCallback?.resource;
    this.resource = new TerraformDataResource(this, "Resource", {
      triggersReplace: triggers,
      ...(eventConfig !== undefined ? { dependsOn: [eventConfig] } : {}),
      provisioners: [
        {
          type: "local-exec",
          // Exit 2 (applied, but console steps are left for a person, or a suspected double recording) must not
          // fail the deploy; 1 (error) and 3 (confirmed double recording) do. local-exec runs the command with sh.
          command: `${args.join(" ")} || test $? -eq 2`,
          ...(Object.keys(environment).length > 0 ? { environment } : {}),
        },
      ],
    });
  }
}
