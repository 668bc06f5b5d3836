import { Construct } from "constructs";
import { VodEventConfig } from "../.gen/providers/tencentcloud/vod-event-config";
import { Aspects } from "../lib/cdktf";
import { AppClaims } from "../lib/construct-tree";
import { checkBoolean, checkCallbackUrl, checkKnownKeys, checkObject, fail, keysOf, validateAt } from "../lib/validation";
import { StandaloneCallbackChecks } from "../rules/standalone-callbacks";
import { checkVodApplicationRef } from "./checks";
import { IVodApplication } from "./vod-application";

/** The keys of the props (a prop added to an interface without its key here fails to compile: `keysOf`). */
export const VOD_EVENT_CALLBACK_PROP_KEYS = keysOf<VodEventCallbackProps>()({ application: true, url: true, deleteEvents: true });

export interface VodEventCallbackProps {
  /** The VOD application whose events are sent. */
  readonly application: IVodApplication;
  /**
   * Where VOD POSTs its v3 event callbacks (`NotificationUrl`). HTTPS; plain HTTP only to loopback (rule LR005, which
   * checks this construct also when it is used without a LiveRecording).
   */
  readonly url: string;
  /**
   * Also send `FileDeleted` events (`DeleteMediaCompleteEventSwitch`), e.g. to learn when retention removed a recording.
   * @default false
   */
  readonly deleteEvents?: boolean;
}

/**
 * VOD event callbacks for one sub-application (`tencentcloud_vod_event_config`): `PUSH` mode to an HTTP endpoint,
 * with `NewFileUpload` on (one event per uploaded recording).
 *
 * The resource cannot set the callback `SignKey`; the post-deploy step applies it. Destroying the resource leaves
 * the settings in place in VOD (the provider's delete is a no-op).
 */
export class VodEventCallback extends Construct {
  public readonly url: string;
  public readonly deleteEvents: boolean;
  public readonly application: IVodApplication;
  /** The underlying Terraform resource. */
  public readonly resource: VodEventConfig;

  constructor(scope: Construct, id: string, props: VodEventCallbackProps) {
    super(scope, id);
    validateAt(this, () => {
      checkObject("props", props, "a VodEventCallbackProps object");
      checkKnownKeys(props, VOD_EVENT_CALLBACK_PROP_KEYS, "VodEventCallbackProps");
      checkVodApplicationRef("application", props.application);
      checkCallbackUrl("url", props.url);
      if (props.deleteEvents !== undefined) checkBoolean("deleteEvents", props.deleteEvents);
      this.claimApplication(props.application);
    });
    this.url = props.url;
    this.deleteEvents = props.deleteEvents ?? false;
    this.application = props.application;
    this.resource = new VodEventConfig(this, "Resource", {
      subAppId: props.application.subAppId,
      mode: "PUSH",
      notificationUrl: props.url,
      uploadMediaCompleteEventSwitch: "ON",
      deleteMediaCompleteEventSwitch: this.deleteEvents ? "ON" : "OFF",
    });
    Aspects.of(this).add(new StandaloneCallbackChecks(this, () => [{ kind: "vodEvents", url: this.url }]));
  }

  /**
   * One VodEventCallback per VOD application in the app: a sub-application has one event configuration, so two
   * `tencentcloud_vod_event_config` resources for it would each overwrite the other on every deploy (one owner per
   * setting). An application is known by its construct, or by its SubAppId when imported with `fromSubAppId`.
   */
  private claimApplication(application: IVodApplication): void {
    const key = claimKey(application);
    const claimant = CLAIMS.claimant(this, key);
    if (claimant !== undefined) {
      fail(
        "application",
        `a VOD application that no other VodEventCallback of the app configures (${claimant.node.path} already declares its event configuration; ` +
          "a sub-application has one, and two declarations would overwrite each other on every deploy)",
        application,
      );
    }
    CLAIMS.claim(key, this);
  }
}

/** The VodEventCallback that declares each VOD application's event configuration. */
const CLAIMS = new AppClaims<IVodApplication | number, VodEventCallback>();

/** A managed application's SubAppId is a token until deploy: the construct itself identifies it; an import, its id. */
function claimKey(application: IVodApplication): IVodApplication | number {
  return application.managed ? application : application.subAppId;
}
