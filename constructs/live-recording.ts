import { Construct } from "constructs";
import { Aspects, TerraformOutput, Token } from "../lib/cdktf";
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
import { SDK_APP_ID_RANGE } from "../lib/limits";
import { SEAT_TEMPLATES, SeatTemplate, parseSeatTemplate } from "../lib/room-scope";
import { checkBoolean, checkInteger, checkOneOf, checkOptionalObject, checkString, fail, validateAt } from "../lib/validation";
import { Acknowledgements, Finding, ICheckedLiveRecording, LiveRecordingChecks, MIN_REASON_LENGTH } from "../rules";
import { RecordingCallbacks, RecordingCallbacksProps } from "./callbacks";
import { DesiredStateDocument } from "./desired-state-document";
import { RecordingConfiguration, RecordingConfigurationProps } from "./recording-configuration";
import { Retention } from "./retention";
import { IVodApplication, VodApplication, VodApplicationProps } from "./vod-application";

/** A kind of room the app creates, as the app creates it. */
export interface RoomUsage {
  /** A name for this kind of room, used in findings and the plan, e.g. "shows". */
  readonly name: string;
  /** `SeatTemplate`, in REST (`VideoDynamicGrid9Seats`) or client (`.videoDynamicGrid9Seats`) spelling. */
  readonly seatTemplate: SeatTemplate | string;
  /** `isUnlimitedRoomEnabled` as the app sends it. @default - the template's default (true for video, false for voice) */
  readonly isUnlimitedRoomEnabled?: boolean;
  /** `IsCloudRecordEnabled` as the app sends it. @default - unset: follows Full Room Recording */
  readonly isCloudRecordEnabled?: boolean;
  /** Whether these rooms are meant to be recorded; checked by rules LR004 and LR008. @default true */
  readonly expectRecorded?: boolean;
  /** Hosts on seats in a typical session (1: single-stream, more: one mixed-stream file). @default - not declared */
  readonly typicalHosts?: number;
}

/** Declared usage, for the concurrency check and the plan's cost estimate. */
export interface ExpectedUsage {
  /** Most recordings running at once (Live's limit is 300, rule LR003). @default - not declared */
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
   * The VOD application recordings are stored in: an existing one (`VodApplication.fromSubAppId`) or the props of
   * one to create. Live recording stores to VOD only.
   * @default - none (recording cannot be enabled; rule LR002 reports it when recording is wanted)
   */
  readonly vodApplication?: IVodApplication | VodApplicationProps;
  /**
   * How long recordings are kept ("Save Duration").
   * @default - none (recording cannot be enabled; rule LR002 reports it when recording is wanted)
   */
  readonly retention?: Retention;
  /** The recording template. @default - Live's: MP4, 1440-minute files, single-stream for one host, mixed for several */
  readonly recording?: Omit<RecordingConfigurationProps, "vodApplication" | "retention">;
  /** Callback endpoints. @default - none */
  readonly callbacks?: Omit<RecordingCallbacksProps, "vodApplication">;
  /**
   * The console's "Full Room Recording": record every Live room in scope whose `IsCloudRecordEnabled` is unset or true.
   * Applied by the post-deploy step (no public API).
   * @default false
   */
  readonly fullRoomRecording?: boolean;
  /**
   * What is known about TRTC Global Auto-Recording for this SDKAppID (console-only). With Full Room Recording on,
   * `on` is an error (rule LR001: double recording); `unknown` is a warning and the post-deploy step checks live evidence.
   * The post-deploy step writes it only when declared `off`, and never turns it on.
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
}

/** A written acceptance that turning Global Auto-Recording off stops the recordings only it makes. */
export interface StopOtherRecordingsAcceptance {
  /** Who decided and why stopping those recordings is acceptable (at least 10 characters). */
  readonly reason: string;
}

/** Terraform output ids (fixed: the post-deploy step reads them from `cdktf deploy --outputs-file`). */
export const OUTPUT_IDS = { sdkAppId: "sdk_app_id", vodSubAppId: "vod_sub_app_id", vodSubAppName: "vod_sub_app_name" } as const;

/**
 * Live recording for one TRTC application (SDKAppID): the VOD application that receives recordings, how long they are
 * kept, the recording template, the callbacks, and the console switches (Full Room Recording, and what is known of
 * Global Auto-Recording). Checked at synth by rules LR001-LR008; writes the desired state the post-deploy step applies.
 */
export class LiveRecording extends Construct implements ICheckedLiveRecording {
  public readonly sdkAppId: number;
  public readonly vodApplication?: IVodApplication;
  public readonly retention?: Retention;
  public readonly recording: RecordingConfiguration;
  public readonly callbacks: RecordingCallbacks;
  public readonly fullRoomRecording: boolean;
  public readonly globalAutoRecording: GlobalAutoRecordingDeclaration;
  public readonly acceptStoppingOtherRecordings?: StopOtherRecordingsAcceptance;
  public readonly rooms: readonly DesiredRoom[];
  public readonly expectedUsage?: ExpectedUsageData;
  private readonly outputPrefix: string;
  private findings: readonly Finding[] = [];

  constructor(scope: Construct, id: string, props: LiveRecordingProps) {
    super(scope, id);
    validateAt(this, () => {
      checkOptionalObject("props", props);
      checkOptionalObject("recording", props.recording);
      checkOptionalObject("callbacks", props.callbacks);
      checkInteger("sdkAppId", props.sdkAppId, SDK_APP_ID_RANGE.min, SDK_APP_ID_RANGE.max);
      if (props.fullRoomRecording !== undefined) checkBoolean("fullRoomRecording", props.fullRoomRecording);
      if (props.globalAutoRecording !== undefined) checkOneOf("globalAutoRecording", props.globalAutoRecording, GLOBAL_AUTO_RECORDING_DECLARATIONS);
      if (props.acceptStoppingOtherRecordings !== undefined) checkStopAcceptance(props.acceptStoppingOtherRecordings, props.globalAutoRecording ?? "unknown");
      if (props.retention !== undefined && !(props.retention instanceof Retention)) {
        fail("retention", "a Retention (Retention.days(n) or Retention.forever())", props.retention);
      }
      if (props.outputPrefix !== undefined) {
        checkString("outputPrefix", props.outputPrefix, { max: 40, pattern: /^([a-z][a-z0-9_]*)?$/, patternText: "lowercase letters, digits or _ starting with a letter" });
      }
    });

    this.sdkAppId = props.sdkAppId;
    this.fullRoomRecording = props.fullRoomRecording ?? false;
    this.globalAutoRecording = props.globalAutoRecording ?? "unknown";
    this.acceptStoppingOtherRecordings = props.acceptStoppingOtherRecordings ? { reason: props.acceptStoppingOtherRecordings.reason.trim() } : undefined;
    this.retention = props.retention;
    this.outputPrefix = props.outputPrefix ?? "";
    this.vodApplication = props.vodApplication === undefined ? undefined : validateAt(this, () => resolveVodApplication(this, props.vodApplication!));
    this.recording = new RecordingConfiguration({ ...props.recording, vodApplication: this.vodApplication, retention: this.retention });
    this.callbacks = new RecordingCallbacks(this, "Callbacks", { ...props.callbacks, vodApplication: this.vodApplication });
    this.rooms = validateAt(this, () => validateRooms(props.rooms));
    this.expectedUsage = validateAt(this, () => validateUsage(props.expectedUsage));

    this.createOutputs();
    Aspects.of(this).add(new LiveRecordingChecks());
    DesiredStateDocument.of(this).addApp(() => this.toDesiredAppWithFindings());
  }

  /** Accepts findings of rule `id` on this recording, with a written reason. */
  public acknowledge(id: string, reason: string): void {
    Acknowledgements.of(this).add({ id, reason });
  }

  public toDesiredApp(): DesiredApp {
    const app = this.vodApplication;
    const literal = (s: string | undefined): string | null => (s === undefined || Token.isUnresolved(s) ? null : s);
    return {
      path: this.node.path,
      sdkAppId: this.sdkAppId,
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
      recording: this.recording.toSettings(),
      fullRoomRecording: this.fullRoomRecording,
      globalAutoRecording: this.globalAutoRecording,
      acceptStoppingOtherRecordings: this.acceptStoppingOtherRecordings ?? null,
      callbacks: this.callbacks.toSpec(),
      rooms: [...this.rooms],
      expectedUsage: this.expectedUsage ?? null,
      acknowledgements: Acknowledgements.of(this).all().map((a) => ({ ruleId: a.id, reason: a.reason })),
      findings: [],
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

function resolveVodApplication(scope: Construct, value: IVodApplication | VodApplicationProps): IVodApplication {
  if (value instanceof Construct && "subAppId" in value) return value as IVodApplication;
  if (typeof value !== "object" || value === null) fail("vodApplication", "a VodApplication or VodApplicationProps", value);
  return new VodApplication(scope, "VodApplication", value as VodApplicationProps);
}

function checkStopAcceptance(value: unknown, declared: GlobalAutoRecordingDeclaration): void {
  const prop = ACCEPT_STOPPING_PROP;
  if (value === null || typeof value !== "object" || Array.isArray(value)) fail(prop, "an object { reason }", value);
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
    if (room === null || typeof room !== "object" || Array.isArray(room)) fail(p, "a RoomUsage object", room);
    checkString(`${p}.name`, room?.name, { min: 1, max: 64 });
    if (seen.has(room.name)) fail(`${p}.name`, "unique among rooms", room.name);
    seen.add(room.name);
    const template = typeof room.seatTemplate === "string" ? parseSeatTemplate(room.seatTemplate) : undefined;
    if (template === undefined) fail(`${p}.seatTemplate`, `one of ${SEAT_TEMPLATES.join(", ")}`, room.seatTemplate);
    if (room.isUnlimitedRoomEnabled !== undefined) checkBoolean(`${p}.isUnlimitedRoomEnabled`, room.isUnlimitedRoomEnabled);
    if (room.isCloudRecordEnabled !== undefined) checkBoolean(`${p}.isCloudRecordEnabled`, room.isCloudRecordEnabled);
    if (room.expectRecorded !== undefined) checkBoolean(`${p}.expectRecorded`, room.expectRecorded);
    if (room.typicalHosts !== undefined) checkInteger(`${p}.typicalHosts`, room.typicalHosts, 1, 25);
    return {
      name: room.name,
      seatTemplate: template,
      isUnlimitedRoomEnabled: room.isUnlimitedRoomEnabled ?? null,
      isCloudRecordEnabled: room.isCloudRecordEnabled ?? null,
      expectRecorded: room.expectRecorded ?? true,
      typicalHosts: room.typicalHosts ?? null,
    };
  });
}

function validateUsage(usage: ExpectedUsage | undefined): ExpectedUsageData | undefined {
  if (usage === undefined) return undefined;
  if (typeof usage !== "object" || usage === null) fail("expectedUsage", "an ExpectedUsage object", usage);
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
