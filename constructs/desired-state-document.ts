import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { Construct, IConstruct } from "constructs";
import { ISynthesisSession, TerraformStack, checkSameEngine } from "../lib/cdktf";
import { fail, validateCall } from "../lib/validation";
import {
  DESIRED_STATE_FILE,
  DESIRED_STATE_SCHEMA,
  DESIRED_STATE_VERSION,
  DesiredApp,
  DesiredState,
  desiredStateHash,
  parseDesiredState,
  serializeDesiredState,
} from "../lib/desired-state";

const ID = "LiveRecordingDesiredState";

/**
 * The per-stack desired-state document (`cdktf.out/stacks/<stack>/live-recording.json`) that the post-deploy step and
 * the recording plan read. LiveRecordings register with it; it is written when the stack is synthesized.
 */
export class DesiredStateDocument extends Construct {
  /** The stack's document, created on first use. */
  public static of(scope: IConstruct): DesiredStateDocument {
    if (!(scope instanceof Construct)) validateCall("DesiredStateDocument.of", () => fail("scope", "a construct in a stack", scope));
    const stack = TerraformStack.of(scope);
    return (stack.node.tryFindChild(ID) as DesiredStateDocument | undefined) ?? new DesiredStateDocument(stack, ID);
  }

  private region: string | null = null;
  private readonly apps: Array<() => DesiredApp> = [];
  /** The last render: both the hash output and the written file use it, so each synth validates the document once. */
  private rendered?: DesiredState;

  private constructor(scope: Construct, id: string) {
    // Every LiveRecording comes here first: an app of another engine than the package's is refused with the fix.
    checkSameEngine(scope);
    super(scope, id);
    // Written right after the stack's own synthesis (which runs the checks first), through the stack's public
    // synthesizer hook, so the document always matches the cdk.tf.json next to it.
    const stack = TerraformStack.of(this);
    const inner = stack.synthesizer;
    stack.synthesizer = {
      synthesize: (session: ISynthesisSession) => {
        inner.synthesize(session);
        this.write(session);
      },
    };
  }

  /** The provider region of the stack. */
  public setRegion(region: string): void {
    this.region = region;
    this.invalidate();
  }

  /** Adds an app; `produce` runs at synth time, after the checks. */
  public addApp(produce: () => DesiredApp): void {
    this.apps.push(produce);
    this.invalidate();
  }

  /** Forgets the last render; called whenever something the document shows may have changed (e.g. new findings). */
  public invalidate(): void {
    this.rendered = undefined;
  }

  /** The document, validated against its schema. */
  public render(): DesiredState {
    this.rendered ??= parseDesiredState(
      {
        schema: DESIRED_STATE_SCHEMA,
        version: DESIRED_STATE_VERSION,
        environment: TerraformStack.of(this).node.id,
        region: this.region,
        apps: this.apps.map((produce) => produce()),
      },
      `desired state of stack ${TerraformStack.of(this).node.id}`,
    );
    return this.rendered;
  }

  /** SHA-256 of the document (hex), e.g. to re-run the post-deploy step when it changes. */
  public hash(): string {
    return desiredStateHash(this.render());
  }

  private write(session: ISynthesisSession): void {
    const stackManifest = session.manifest.forStack(TerraformStack.of(this));
    const dir = path.join(session.outdir, stackManifest.workingDirectory);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, DESIRED_STATE_FILE), serializeDesiredState(this.render()));
  }
}
