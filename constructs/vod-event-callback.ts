import { Construct } from "constructs";
import { VodEventConfig } from "../.gen/providers/tencentcloud/vod-event-config";
import { checkBoolean, checkCallbackUrl, validateAt } from "../lib/validation";
import { IVodApplication } from "./vod-application";

export interface VodEventCallbackProps {
  /** The VOD application whose events are sent. */
  readonly application: IVodApplication;
  /** Where VOD POSTs its v3 event callbacks (`NotificationUrl`). HTTPS; plain HTTP only to loopback (rule LR005). */
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
      checkCallbackUrl("url", props.url);
      if (props.deleteEvents !== undefined) checkBoolean("deleteEvents", props.deleteEvents);
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
  }
}
