import { Construct } from "constructs";
import { Aspects, TerraformOutput, TerraformStack, Token } from "../lib/cdktf";
import {
  DesiredApp,
  DesiredRoom,
  ExpectedUsageData,
  FindingData,
  GLOBAL_AUTO_RECORDING_DECLARATIONS,
  GlobalAutoRecordingDeclaration,
  RESOLUTIONS,
  Resolution,
} from "../lib/desired-state";
import { ACCEPT_STOPPING_PROP } from "../lib/global-auto-recording";
import { AppClaims } from "../lib/construct-tree";
import { LIVE_RECORDING_FORMAT, MAX_FILE_DURATION_MINUTES, SDK_APP_ID_RANGE } from "../lib/limits";
import { OUTPUT_IDS } from "../lib/output-ids";
import { nearest } from "../lib/suggest";
import { ROOM_CREATION_METHODS, RoomCreationMethod, SEAT_TEMPLATES, SeatTemplate, parseSeatTemplate } from "../lib/room-scope";
import { ValidationError, checkBoolean, checkInteger, checkKnownKeys, checkObject, checkOneOf, checkOptionalObject, checkString, fail, isPlainObject, keysOf, validateAt } from "../lib/validation";
import { Acknowledgements, Finding, ICheckedLiveRecording, LiveRecordingChecks, MIN_REASON_LENGTH } from "../rules";
import { coverCallbacks } from "../rules/standalone-callbacks";
import { RecordingCallbacks, RecordingCallbacksProps, CALLBACK_KEYS } from "./callbacks";
import { VOD_APPLICATION_ALLOWED, checkOptionalRetention, isVodApplication } from "./checks";
import { DesiredStateDocument } from "./desired-state-document";
import { POST_DEPLOY_POLICIES_OPTION_KEYS, PostDeployPolicies, PostDeployPoliciesOptions } from "./post-deploy-policies";
import { Retention } from "./retention";
import { IVodApplication, VodApplication, VodApplicationProps } from "./vod-application";

/** The keys of the props (a prop added to an interface without its key here fails to compile: `keysOf`). */
export const LIVE_RECORDING_PROP_KEYS = keysOf<LiveRecordingProps>()({
  sdkAppId: true,
  account: true,
  vodApplication: true,
  retention: true,
  callbacks: true,
  fullRoomRecording: true,
  globalAutoRecording: true,
  acceptStoppingOtherRecordings: true,
  rooms: true,
  expectedUsage: true,
  outputPrefix: true,
  accessPolicies: true,
});
/** Props that were removed: an outer level lets them through so the LiveRecording can say why they went. */
export const RETIRED_LIVE_RECORDING_PROP_KEYS = ["recording"] as const;
export const ROOM_USAGE_KEYS = keysOf<RoomUsage>()({
  name: true,
  seatTemplate: true,
  createdWith: true,
  isUnlimitedRoomEnabled: true,
  isCloudRecordEnabled: true,
  expectRecorded: true,
  typicalHosts: true,
});
export const EXPECTED_USAGE_KEYS = keysOf<ExpectedUsage>()({
  peakConcurrentRecordings: true,
  recordedHoursPerMonth: true,
  resolution: true,
  averageBitrateKbps: true,
});
export const STOP_ACCEPTANCE_KEYS = keysOf<StopOtherRecordingsAcceptance>()({ reason: true });

/** A kind of room the app creates, as the app creates it. */
export interface RoomUsage {
  /** A name for this kind of room, used in findings and the plan, e.g. "shows". */
  readonly name: string;
  /** `SeatTemplate`, in REST (`VideoDynamicGrid9Seats`) or client (`.videoDynamicGrid9Seats`) spelling. */
  readonly seatTemplate: SeatTemplate | string;
  /**
   * How the app creates these rooms. The default of `isUnlimitedRoomEnabled` depends on it: with the client SDK, the
   * guide's template table (true for the five video templates, false for Karaoke and AudioSalon); with the REST
   * `create_room`, false for every template.
   * @default "client-sdk" - the TUILiveKit client SDK, whose template defaults the guide's table gives
   */
  readonly createdWith?: RoomCreationMethod;
  /**
   * `isUnlimitedRoomEnabled` as the app sends it. Live records only rooms where it is true. For a voice room (Karaoke,
   * AudioSalon), true records it only once Tencent has enabled voice-room recording for the app (Contact Us).
   * @default - the default of `createdWith` (client SDK: true for video, false for voice; REST API: false)
   */
  readonly isUnlimitedRoomEnabled?: boolean;
  /** `IsCloudRecordEnabled` as the app sends it. @default - unset: follows Full Room Recording */
  readonly isCloudRecordEnabled?: boolean;
  /** Whether these rooms are meant to be recorded; checked by rules LR004 and LR008. @default true */
  readonly expectRecorded?: boolean;
  /**
   * Hosts on seats in a typical session (1: single-stream, more: one mixed-stream file), 1 to 25 (TRTC mixes at most
   * 25 pictures into one stream, `MixLayoutParams`). Used by the cost estimate.
   * @default - not declared
   */
  readonly typicalHosts?: number;
}

/** Declared usage, for the concurrency check and the plan's cost estimate. */
export interface ExpectedUsage {
  /**
   * Most Live recordings running at once. Live records one stream per room (single-stream with one host, one mixed
   * stream with several); the guide's limit is 300 streams (rule LR003), over a scope it
   * does not state: environments that name the same `account` are checked together.
   * @default - not declared
   */
  readonly peakConcurrentRecordings?: number;
  /** Recorded hours per month, all rooms together. @default - not declared (no cost estimate) */
  readonly recordedHoursPerMonth?: number;
  /** Video resolution class of recordings, as billed. @default "HD" */
  readonly resolution?: Resolution;
  /** Average bitrate of recorded files, for the storage estimate. @default - a typical bitrate for the resolution */
  readonly averageBitrateKbps?: number;
}

export interface LiveRecordingProps {
  /** The TRTC application (SDKAppID) whose Live rooms are recorded. */
  readonly sdkAppId: number;
  /**
   * The Tencent Cloud account the SDKAppID belongs to, in any stable spelling your team uses (its UIN, or an alias).
   * The guide's limit of 300 concurrent recording streams does not say whether it counts per
   * SDKAppID or per account: environments that name the same account have their declared peaks added up (rule LR003).
   * @default - not named: each environment is checked alone
   */
  readonly account?: string;
  /**
   * The VOD application recordings are stored in ("VOD Application"): an existing one (`VodApplication.fromSubAppId`)
   * or the props of one to create. Live recording stores to VOD only, and VOD must be activated first.
   * @default - none: then Live recording cannot be wanted (Full Room Recording on, or a room with
   * `isCloudRecordEnabled: true` is refused)
   */
  readonly vodApplication?: IVodApplication | VodApplicationProps;
  /**
   * How long recordings are kept ("Save Duration"). The guide lists the console's setting but not its options or
   * unit; this package declares it in whole days or forever and refuses nothing else.
   * @default - none: then Live recording cannot be wanted (refused as for `vodApplication`)
   */
  readonly retention?: Retention;
  /** Callback endpoints. @default - none */
  readonly callbacks?: Omit<RecordingCallbacksProps, "vodApplication">;
  /**
   * The console's "Full Room Recording": record every Live room in scope whose `IsCloudRecordEnabled` is unset or true.
   * Applied by the post-deploy step (no public API). Recording is decided when a room is created, so a change applies
   * to rooms created after it (our reading of "starting or stopping recording mid-session is not supported").
   * @default false
   */
  readonly fullRoomRecording?: boolean;
  /**
   * What is known about TRTC Global Auto-Recording for this SDKAppID (console-only). `on` while Live records a declared
   * room is an error (rule LR001: the same content may be recorded twice, with extra charges); `unknown` while Live
   * records rooms is a warning (LR007) and the post-deploy step looks for live evidence. The post-deploy step writes it
   * only when declared `off`, and never turns it on.
   * @default "unknown" - never changed by the post-deploy step, which reports the evidence
   */
  readonly globalAutoRecording?: GlobalAutoRecordingDeclaration;
  /**
   * Lets `post-deploy apply` turn Global Auto-Recording off even when evidence shows it recording rooms that Live
   * recording does not record (TUICallKit calls, TUIRoomKit conferences, plain TRTC rooms, voice rooms, Live rooms
   * with `IsCloudRecordEnabled: false`): those recordings then stop. Say who decided and why, in at least 10
   * characters. Only with `globalAutoRecording: "off"`.
   * @default - not accepted: when such rooms are found, apply leaves Global Auto-Recording on, names them and exits 4
   */
  readonly acceptStoppingOtherRecordings?: StopOtherRecordingsAcceptance;
  /** The kinds of rooms the app creates. @default - none declared */
  readonly rooms?: readonly RoomUsage[];
  /** Declared usage. @default - none declared */
  readonly expectedUsage?: ExpectedUsage;
  /**
   * Prefix of this recording's Terraform output ids (`<prefix>sdk_app_id`, `<prefix>vod_sub_app_id`, ...), for several
   * LiveRecordings in one stack.
   * @default "" - outputs are `sdk_app_id`, `vod_sub_app_id`, `vod_sub_app_name`
   */
  readonly outputPrefix?: string;
  /**
   * Declares the CAM policies the post-deploy step needs (`PostDeployPolicies`, as the child `AccessPolicies`): an
   * apply policy and a read-only one (plan, check), each allowing exactly the Cloud API actions that step calls for
   * what is declared here, scoped to the VOD sub-application where CAM allows it; optionally attached to an existing
   * CAM user (by name) or role (by ID).
   * @default - no policy declared: the post-deploy credentials' permissions are managed elsewhere
   */
  readonly accessPolicies?: PostDeployPoliciesOptions;
}

/** A written acceptance that turning Global Auto-Recording off stops the recordings only it makes. */
export interface StopOtherRecordingsAcceptance {
  /** Who decided and why stopping those recordings is acceptable (at least 10 characters). */
  readonly reason: string;
}


/**
 * Live recording for one TRTC application (SDKAppID): the VOD application that receives recordings, how long they are
 * kept, the callbacks, and the console switches (Full Room Recording, and what is known of Global Auto-Recording).
 * Checked at synth by the rules (LR001, LR003-LR005, LR007, LR008); writes the desired state the post-deploy step
 * applies.
 *
 * What Live records is fixed by Tencent and has no prop here: MP4 files; the whole session from room
 * creation to dissolution; at most 1440 minutes a file (when exceeded, recording is interrupted
 * and Resume Recording waits 30 seconds before restarting); single-stream of the host for one host,
 * one mixed-stream file for several. For other recording parameters, see `ManualRecording` (TRTC Cloud Recording).
 */
export class LiveRecording extends Construct implements ICheckedLiveRecording {
  public readonly sdkAppId: number;
  public readonly vodApplication?: IVodApplication;
  public readonly retention?: Retention;
  public readonly account?: string;
  public readonly callbacks: RecordingCallbacks;
  public readonly fullRoomRecording: boolean;
  public readonly globalAutoRecording: GlobalAutoRecordingDeclaration;
  public readonly acceptStoppingOtherRecordings?: StopOtherRecordingsAcceptance;
  public readonly rooms: readonly DesiredRoom[];
  public readonly expectedUsage?: ExpectedUsageData;
  /** The post-deploy step's CAM policies, when `accessPolicies` is declared. */
  public readonly accessPolicies?: PostDeployPolicies;
  private readonly outputPrefix: string;
  private findings: readonly Finding[] = [];

  constructor(scope: Construct, id: string, props: LiveRecordingProps) {
    super(scope, id);
    // First, before anything is claimed: the stack's desired-state document refuses an app of another CDK engine.
    const document = DesiredStateDocument.of(this);
    validateAt(this, () => {
      checkObject("props", props, "a LiveRecordingProps object");
      const legacy = (props as { recording?: unknown }).recording;
      if (legacy !== undefined) {
        fail(
          "recording",
          `absent: Live's recording parameters are fixed by Tencent (${LIVE_RECORDING_FORMAT}, files of at most ${MAX_FILE_DURATION_MINUTES} minutes, ` +
            "single-stream for one host, one mixed-stream file for several) and nothing here changes them; for TRTC Cloud Recording's own parameters use ManualRecording",
          legacy,
        );
      }
      checkKnownKeys(props, LIVE_RECORDING_PROP_KEYS, "LiveRecordingProps");
      checkOptionalObject("callbacks", props.callbacks, "a callbacks object");
      if (props.callbacks !== undefined) checkKnownKeys(props.callbacks, CALLBACK_KEYS, "LiveRecordingProps.callbacks", "callbacks.");
      checkInteger("sdkAppId", props.sdkAppId, SDK_APP_ID_RANGE.min, SDK_APP_ID_RANGE.max);
      if (props.fullRoomRecording !== undefined) checkBoolean("fullRoomRecording", props.fullRoomRecording);
      if (props.globalAutoRecording !== undefined) checkOneOf("globalAutoRecording", props.globalAutoRecording, GLOBAL_AUTO_RECORDING_DECLARATIONS);
      if (props.acceptStoppingOtherRecordings !== undefined) checkStopAcceptance(props.acceptStoppingOtherRecordings, props.globalAutoRecording ?? "unknown");
      checkOptionalRetention("retention", props.retention);
      if (props.account !== undefined) {
        checkString("account", props.account, { min: 1, max: 64, pattern: /^[A-Za-z0-9][A-Za-z0-9_.@-]*$/, patternText: "letters, digits, _ . @ or - starting with a letter or digit" });
      }
      if (props.outputPrefix !== undefined) {
        checkString("outputPrefix", props.outputPrefix, { max: 40, pattern: /^([a-z][a-z0-9_]*)?$/, patternText: "lowercase letters, digits or _ starting with a letter" });
      }
    });

    this.sdkAppId = props.sdkAppId;
    this.account = props.account;
    this.fullRoomRecording = props.fullRoomRecording ?? false;
    this.globalAutoRecording = props.globalAutoRecording ?? "unknown";
    this.acceptStoppingOtherRecordings = props.acceptStoppingOtherRecordings ? { reason: props.acceptStoppingOtherRecordings.reason.trim() } : undefined;
    this.retention = props.retention;
    this.outputPrefix = props.outputPrefix ?? "";
    this.vodApplication = props.vodApplication === undefined ? undefined : validateAt(this, () => resolveVodApplication(this, props.vodApplication!));
    this.callbacks = new RecordingCallbacks(this, "Callbacks", { ...props.callbacks, vodApplication: this.vodApplication });
    coverCallbacks(this.callbacks); // its URLs are this recording's: rule LR005 reports them here, once
    this.rooms = validateAt(this, () => validateRooms(props.rooms));
    this.expectedUsage = validateAt(this, () => validateUsage(props.expectedUsage));
    validateAt(this, () => requireStorageWhenWanted(this.fullRoomRecording, this.rooms, props.vodApplication, props.retention));
    validateAt(this, () => this.claimSdkAppIdAndOutputs());
    // An output added to the stack after this recording, with one of its ids, would silently replace it: refused at synth.
    this.node.addValidation({
      validate: () => {
        try {
          validateAt(this, () => this.checkOutputIds(true));
          return [];
        } catch (err) {
          // cdktf puts the construct path in front of each message itself.
          if (err instanceof ValidationError) return [err.detail];
          throw err;
        }
      },
    });

    this.createOutputs();
    if (props.accessPolicies !== undefined) {
      validateAt(this, () => {
        checkOptionalObject("accessPolicies", props.accessPolicies, "a PostDeployPoliciesOptions object");
        // The recording of these policies is this LiveRecording: a `recording` key here would be ignored.
        checkKnownKeys(props.accessPolicies as object, POST_DEPLOY_POLICIES_OPTION_KEYS, "PostDeployPoliciesOptions", "accessPolicies.");
      });
      this.accessPolicies = new PostDeployPolicies(this, "AccessPolicies", { ...props.accessPolicies, recording: this });
    }
    Aspects.of(this).add(new LiveRecordingChecks());
    document.addApp(() => this.toDesiredAppWithFindings());
  }

  /**
   * Accepts findings of rule `id` on this recording, with a written reason; `appliesTo` narrows it to some findings
   * (`Room::<name>` for LR004 and LR008, `Callback::<vodEvents|trtcRecording|liveWebhook>` for LR005).
   */
  public acknowledge(id: string, reason: string, appliesTo?: readonly string[]): void {
    Acknowledgements.of(this).add({ id, reason, ...(appliesTo !== undefined ? { appliesTo } : {}) });
  }

  public toDesiredApp(): DesiredApp {
    const app = this.vodApplication;
    const literal = (s: string | undefined): string | null => (s === undefined || Token.isUnresolved(s) ? null : s);
    return {
      path: this.node.path,
      sdkAppId: this.sdkAppId,
      account: this.account ?? null,
      sdkAppIdOutput: this.outputId(OUTPUT_IDS.sdkAppId),
      vodApplication: app
        ? {
            managed: app.managed,
            name: literal(app.vodApplicationName),
            description: app instanceof VodApplication ? literal(app.description) : null,
            enabled: app instanceof VodApplication ? app.enabled : true,
            tags: app instanceof VodApplication ? literalTags(app.tags) : {},
            subAppId: Token.isUnresolved(app.subAppId) ? null : app.subAppId,
            subAppIdOutput: this.outputId(OUTPUT_IDS.vodSubAppId),
            resourceAddress: app instanceof VodApplication ? app.resourceAddress : null,
          }
        : null,
      retention: this.retention?.toSpec() ?? null,
      fullRoomRecording: this.fullRoomRecording,
      globalAutoRecording: this.globalAutoRecording,
      acceptStoppingOtherRecordings: this.acceptStoppingOtherRecordings ?? null,
      callbacks: this.callbacks.toSpec(),
      rooms: [...this.rooms],
      expectedUsage: this.expectedUsage ?? null,
      acknowledgements: Acknowledgements.of(this).toData(),
      findings: [],
      ...accessPoliciesField(this),
    };
  }

  public recordFindings(findings: readonly Finding[]): void {
    this.findings = findings;
    DesiredStateDocument.of(this).invalidate();
  }

  /** Findings of the last check (run during synth). */
  public get checkFindings(): readonly Finding[] {
    return this.findings;
  }

  private toDesiredAppWithFindings(): DesiredApp {
    const findings: FindingData[] = this.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      path: f.path,
      acknowledgedReason: f.acknowledgedReason ?? null,
    }));
    return { ...this.toDesiredApp(), findings };
  }

  /**
   * One LiveRecording per SDKAppID in the app (two would fight over its console settings), and output ids of its own
   * in the stack: without a distinct `outputPrefix`, a second LiveRecording would overwrite the first one's outputs
   * and the post-deploy step would write to the wrong VOD application.
   */
  private claimSdkAppIdAndOutputs(): void {
    // A claim of a LiveRecording since removed from the tree (a refused defineEnvironments call removes what it created) is void.
    const other = SDK_APP_ID_CLAIMS.claimant(this, this.sdkAppId)?.node.path;
    if (other !== undefined) {
      fail("sdkAppId", `unique among the LiveRecordings of the app (${other} already declares it; two declarations of one SDKAppID would fight over its console settings)`, this.sdkAppId);
    }
    this.checkOutputIds(false);
    SDK_APP_ID_CLAIMS.claim(this.sdkAppId, this);
  }

  /**
   * Refuses output ids of this recording that another LiveRecording or an output of the stack also writes. At
   * construction (`later` false) the outputs found so far; at synth (`later` true) outputs added to the stack after
   * this recording too, which the constructor could not see (a LiveRecording's own outputs are checked by it).
   */
  private checkOutputIds(later: boolean): void {
    const stack = TerraformStack.of(this);
    const ids = this.outputIds();
    for (const node of stack.node.findAll()) {
      if (node === this || node.node.scopes.includes(this)) continue;
      if (later && (node instanceof LiveRecording || node.node.scopes.some((n) => n instanceof LiveRecording))) continue;
      const clash =
        node instanceof LiveRecording
          ? node.outputIds().filter((id) => ids.includes(id))
          : node instanceof TerraformOutput && ids.includes(node.friendlyUniqueId)
            ? [node.friendlyUniqueId]
            : [];
      if (clash.length === 0) continue;
      const owner = node instanceof LiveRecording ? `the LiveRecording ${node.node.path}` : `the output ${node.node.path}`;
      const example = this.node.id.toLowerCase().replace(/[^a-z0-9_]/g, "_").replace(/^[^a-z]+/, "") || "recording";
      const allowed =
        `a prefix that keeps this LiveRecording's outputs apart from the other outputs of stack ${stack.node.path} (${owner} already writes ` +
        `${clash.join(", ")}: one would overwrite the other, and the post-deploy step would read the wrong app's), e.g. "${example}_"`;
      fail("outputPrefix", allowed, this.outputPrefix === "" ? undefined : this.outputPrefix);
    }
  }

  /** The ids of the outputs this recording writes. */
  private outputIds(): string[] {
    return [OUTPUT_IDS.sdkAppId, ...(this.vodApplication ? [OUTPUT_IDS.vodSubAppId, OUTPUT_IDS.vodSubAppName] : [])].map((b) => this.outputId(b));
  }

  private outputId(base: string): string {
    return `${this.outputPrefix}${base}`;
  }

  private createOutputs(): void {
    const output = (base: string, value: string | number, description: string) => {
      new TerraformOutput(this, this.outputId(base), { value, description, staticId: true });
    };
    output(OUTPUT_IDS.sdkAppId, this.sdkAppId, "TRTC SDKAppID whose Live rooms are recorded");
    if (this.vodApplication) {
      output(OUTPUT_IDS.vodSubAppId, this.vodApplication.subAppId, "VOD SubAppId that receives the recordings");
      output(OUTPUT_IDS.vodSubAppName, this.vodApplication.vodApplicationName, "VOD sub-application name");
    }
  }
}

/** `accessPolicies` of the desired state, present only when declared (so other documents read as before). */
function accessPoliciesField(recording: LiveRecording): Pick<DesiredApp, "accessPolicies"> {
  const policies = PostDeployPolicies.of(recording);
  return policies === undefined ? {} : { accessPolicies: policies.toSpec() };
}

function resolveVodApplication(scope: Construct, value: IVodApplication | VodApplicationProps): IVodApplication {
  if (isVodApplication(value)) return value;
  if (!isPlainObject(value)) fail("vodApplication", `${VOD_APPLICATION_ALLOWED} or the VodApplicationProps of one to create`, value);
  return new VodApplication(scope, "VodApplication", value as VodApplicationProps);
}

/** The LiveRecording that declares each SDKAppID. */
const SDK_APP_ID_CLAIMS = new AppClaims<number, LiveRecording>();


function checkStopAcceptance(value: unknown, declared: GlobalAutoRecordingDeclaration): void {
  const prop = ACCEPT_STOPPING_PROP;
  checkObject(prop, value, "an object { reason }");
  checkKnownKeys(value as object, STOP_ACCEPTANCE_KEYS, "StopOtherRecordingsAcceptance", `${prop}.`);
  if (declared !== "off") fail("globalAutoRecording", `"off" when ${prop} is set (it accepts what turning Global Auto-Recording off stops)`, declared);
  const reason = (value as { reason?: unknown }).reason;
  if (typeof reason !== "string" || reason.trim().length < MIN_REASON_LENGTH) {
    fail(`${prop}.reason`, `a reason of at least ${MIN_REASON_LENGTH} characters saying who decided and why stopping those recordings is acceptable`, reason);
  }
}

function literalTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).filter(([, v]) => !Token.isUnresolved(v)));
}

function validateRooms(rooms: readonly RoomUsage[] | undefined): DesiredRoom[] {
  if (rooms === undefined) return [];
  if (!Array.isArray(rooms)) fail("rooms", "a list of RoomUsage", rooms);
  const seen = new Set<string>();
  return rooms.map((room, i) => {
    const p = `rooms[${i}]`;
    checkObject(p, room, "a RoomUsage object");
    checkKnownKeys(room, ROOM_USAGE_KEYS, "RoomUsage", `${p}.`);
    checkString(`${p}.name`, room?.name, { min: 1, max: 64 });
    if (seen.has(room.name)) fail(`${p}.name`, "unique among rooms", room.name);
    seen.add(room.name);
    const template = typeof room.seatTemplate === "string" ? parseSeatTemplate(room.seatTemplate) : undefined;
    if (template === undefined) {
      const near = typeof room.seatTemplate === "string" ? nearest(room.seatTemplate, SEAT_TEMPLATES) : undefined;
      fail(`${p}.seatTemplate`, `one of ${SEAT_TEMPLATES.join(", ")}`, room.seatTemplate, near !== undefined ? `did you mean "${near}"?` : undefined);
    }
    if (room.createdWith !== undefined) checkOneOf(`${p}.createdWith`, room.createdWith, ROOM_CREATION_METHODS);
    if (room.isUnlimitedRoomEnabled !== undefined) checkBoolean(`${p}.isUnlimitedRoomEnabled`, room.isUnlimitedRoomEnabled);
    if (room.isCloudRecordEnabled !== undefined) checkBoolean(`${p}.isCloudRecordEnabled`, room.isCloudRecordEnabled);
    if (room.expectRecorded !== undefined) checkBoolean(`${p}.expectRecorded`, room.expectRecorded);
    if (room.typicalHosts !== undefined) checkInteger(`${p}.typicalHosts`, room.typicalHosts, 1, 25);
    return {
      name: room.name,
      seatTemplate: template,
      createdWith: room.createdWith ?? "client-sdk",
      isUnlimitedRoomEnabled: room.isUnlimitedRoomEnabled ?? null,
      isCloudRecordEnabled: room.isCloudRecordEnabled ?? null,
      expectRecorded: room.expectRecorded ?? true,
      typicalHosts: room.typicalHosts ?? null,
    };
  });
}

/**
 * Live recording stores only to VOD and "cannot be enabled" without a VOD Application and a Save Duration (guide,
 * Step 1 and Step 2): a hard limit of the service, so a declaration that wants Live recording without them is refused.
 */
function requireStorageWhenWanted(
  fullRoomRecording: boolean,
  rooms: readonly DesiredRoom[],
  vodApplication: unknown,
  retention: unknown,
): void {
  const byRoom = rooms.findIndex((r) => r.isCloudRecordEnabled === true);
  const wantedBy = fullRoomRecording ? "fullRoomRecording is true" : byRoom >= 0 ? `rooms[${byRoom}] ("${rooms[byRoom].name}") sets isCloudRecordEnabled: true` : undefined;
  if (wantedBy === undefined) return;
  const why = `set when Live recording is wanted (${wantedBy}): Live recording stores only to VOD and cannot be enabled without a VOD Application and a Save Duration`;
  if (vodApplication === undefined) fail("vodApplication", why, vodApplication);
  if (retention === undefined) fail("retention", why, retention);
}

function validateUsage(usage: ExpectedUsage | undefined): ExpectedUsageData | undefined {
  if (usage === undefined) return undefined;
  checkObject("expectedUsage", usage, "an ExpectedUsage object");
  checkKnownKeys(usage, EXPECTED_USAGE_KEYS, "ExpectedUsage", "expectedUsage.");
  const nonNegative = (prop: string, v: number | undefined) => {
    if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v) || v < 0)) fail(prop, "a number of at least 0", v);
  };
  if (usage.peakConcurrentRecordings !== undefined) {
    checkInteger("expectedUsage.peakConcurrentRecordings", usage.peakConcurrentRecordings, 0, 1_000_000);
  }
  nonNegative("expectedUsage.recordedHoursPerMonth", usage.recordedHoursPerMonth);
  if (usage.resolution !== undefined) checkOneOf("expectedUsage.resolution", usage.resolution, RESOLUTIONS);
  if (usage.averageBitrateKbps !== undefined && (typeof usage.averageBitrateKbps !== "number" || !(usage.averageBitrateKbps > 0) || !Number.isFinite(usage.averageBitrateKbps))) {
    fail("expectedUsage.averageBitrateKbps", "a number above 0", usage.averageBitrateKbps);
  }
  return {
    peakConcurrentRecordings: usage.peakConcurrentRecordings ?? null,
    recordedHoursPerMonth: usage.recordedHoursPerMonth ?? null,
    resolution: usage.resolution ?? "HD",
    averageBitrateKbps: usage.averageBitrateKbps ?? null,
  };
}
