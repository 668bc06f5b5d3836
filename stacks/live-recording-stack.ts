import { Construct } from "constructs";
import { TencentcloudProvider } from "../.gen/providers/tencentcloud/provider";
import { DesiredStateDocument } from "../constructs/desired-state-document";
import { LIVE_RECORDING_PROP_KEYS, LiveRecording, LiveRecordingProps } from "../constructs/live-recording";
import { PostDeployHook } from "../constructs/post-deploy-hook";
import { Lazy, TerraformOutput, TerraformStack } from "../lib/cdktf";
import { STACK_OUTPUT_IDS } from "../lib/output-ids";
import { checkBoolean, checkKnownKeys, checkObject, checkRegion, fail, keysOf, validateAt } from "../lib/validation";
import { PASSED_THROUGH_KEYS, checkOptionalBackend } from "./checks";
import { StateBackend } from "./state-backend";

type OwnStackProps = Omit<LiveRecordingStackProps, keyof LiveRecordingProps>;
const OWN_STACK_PROP_KEYS = keysOf<OwnStackProps>()({ region: true, backend: true, postDeployHook: true });
/** The keys of LiveRecordingStackProps: the stack's own and its LiveRecording's (`keysOf`: a new prop without its key fails to compile). */
export const LIVE_RECORDING_STACK_PROP_KEYS: readonly string[] = [...OWN_STACK_PROP_KEYS, ...LIVE_RECORDING_PROP_KEYS];

export interface LiveRecordingStackProps extends LiveRecordingProps {
  /** Tencent Cloud region of the provider (VOD resources), e.g. `ap-guangzhou` (a region, not a zone such as `ap-guangzhou-3`). */
  readonly region: string;
  /**
   * Where Terraform keeps this stack's state.
   * @default StateBackend.local() - a local file
   */
  readonly backend?: StateBackend;
  /**
   * Re-run `post-deploy apply` from `cdktf deploy` whenever the desired state changes: a `terraform_data` resource
   * with a `local-exec` provisioner (see `PostDeployHook`). It needs Node, npm and the project (with its
   * `node_modules`) on the machine that runs Terraform, and the post-deploy credentials in its environment.
   * @default false - run `npm run deploy` (cdktf deploy, then post-deploy apply) instead
   */
  readonly postDeployHook?: boolean;
}


/**
 * One environment: the tencentcloud provider (region from props; credentials only from the standard
 * `TENCENTCLOUD_SECRET_ID`/`TENCENTCLOUD_SECRET_KEY` environment or profile), a state backend, and Live recording for
 * one SDKAppID, with outputs the post-deploy step reads.
 */
export class LiveRecordingStack extends TerraformStack {
  public readonly region: string;
  public readonly recording: LiveRecording;
  public readonly backend: StateBackend;
  /** The post-deploy hook, when `postDeployHook` is on. */
  public readonly postDeployHook?: PostDeployHook;

  constructor(scope: Construct, id: string, props: LiveRecordingStackProps) {
    super(scope, id);
    validateAt(this, () => {
      checkObject("props", props, "a LiveRecordingStackProps object");
      checkKnownKeys(props, LIVE_RECORDING_STACK_PROP_KEYS, "LiveRecordingStackProps", "", PASSED_THROUGH_KEYS);
      checkRegion("region", props.region);
      checkOptionalBackend("backend", props.backend);
      if (props.postDeployHook !== undefined) checkBoolean("postDeployHook", props.postDeployHook);
    });
    this.region = props.region;
    this.backend = props.backend ?? StateBackend.local();

    new TencentcloudProvider(this, "tencentcloud", { region: props.region });
    this.backend.bind(this);
    const document = DesiredStateDocument.of(this);
    document.setRegion(props.region);

    const { region: _region, backend: _backend, postDeployHook: _hook, ...recordingProps } = props;
    this.recording = new LiveRecording(this, "LiveRecording", recordingProps);
    validateAt(this, () => {
      // A callback key's Terraform variable is declared in the stack under its own name: it must not take a name the
      // stack still gives its own constructs.
      const own = [...(props.postDeployHook === true ? ["PostDeployHook"] : []), STACK_OUTPUT_IDS.region, STACK_OUTPUT_IDS.desiredStateSha256];
      const taken = own.find((id) => this.node.tryFindChild(id) !== undefined);
      if (taken !== undefined) fail("variable", `a Terraform variable name other than ${own.join(", ")} (the names of this stack's own outputs and hook)`, taken);
    });
    if (props.postDeployHook === true) this.postDeployHook = new PostDeployHook(this, "PostDeployHook", { recording: this.recording });

    new TerraformOutput(this, STACK_OUTPUT_IDS.region, { value: props.region, staticId: true, description: "Tencent Cloud region of the stack" });
    new TerraformOutput(this, STACK_OUTPUT_IDS.desiredStateSha256, {
      value: Lazy.stringValue({ produce: () => document.hash() }),
      staticId: true,
      description: "SHA-256 of the desired state the post-deploy step applies (live-recording.json)",
    });
  }
}
