/**
 * The Tencent Cloud API 3.0 calls the post-deploy step makes, and nothing else: a small typed interface over the
 * official `tencentcloud-sdk-nodejs` clients. Every call goes through its row of the action table
 * (lib/cloud-actions.ts: an action that has no post-deploy row cannot be called, and whether it is a read or a write
 * comes from the row) and through the {@link Transport} (client-side rate limit, retries with backoff, counted).
 *
 * VOD (2018-07-17): DescribeSubAppIds, DescribeEventConfig, SearchMedia (reads) and ModifyEventConfig with `SubAppId`
 * and `SignKey` only (the one VOD write: everything else about the sub-application and its event configuration is
 * Terraform's, so this interface cannot write it). TRTC (2019-07-22): DescribeRecordingUsage (region ap-guangzhou).
 */
import * as http from "http";
import * as https from "https";
import { trtc } from "tencentcloud-sdk-nodejs/tencentcloud/services/trtc";
import { vod } from "tencentcloud-sdk-nodejs/tencentcloud/services/vod";
import type { ClientConfig } from "tencentcloud-sdk-nodejs/tencentcloud/common/interface";
import { CLOUD_ACTIONS, PostDeployActionKey } from "../lib/cloud-actions";
import { loopbackAgent } from "../lib/loopback";
import { isLoopbackUrl } from "../lib/urls";
import type { CloudCredential } from "./credentials";
import type { CallOptions, Transport } from "./transport";

/** A VOD sub-application as DescribeSubAppIds returns it. */
export interface SubAppInfo {
  readonly subAppId: number;
  readonly name: string;
  readonly description: string;
  /** `On` | `Off` | `Destroying` | `Destroyed`. */
  readonly status: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** VOD event configuration (DescribeEventConfig). The `SignKey` is write-only and never returned. */
export interface EventConfig {
  readonly mode: string;
  readonly notificationUrl: string;
  readonly uploadMediaCompleteEventSwitch: string;
  readonly deleteMediaCompleteEventSwitch: string;
  readonly persistenceCompleteEventSwitch: string;
}

/** A TRTC recording file in VOD, as SearchMedia returns it (only the fields the steps use). */
export interface RecordingMedia {
  readonly fileId: string;
  /** ISO 8601: when the file was created in VOD (its upload, i.e. about the end of the recorded segment). */
  readonly createTime: string;
  /** ISO 8601, `9999-12-31T23:59:59Z` for never, or empty when VOD did not say. */
  readonly expireTime: string;
  /** Seconds of media (`MetaData.Duration`), 0 when unknown. */
  readonly durationSeconds: number;
  readonly sdkAppId: number | null;
  readonly roomId: string | null;
  readonly taskId: string | null;
  /** Users recorded in the file: one for a single-stream file, all hosts for a mixed-stream one. */
  readonly userIds: readonly string[];
}

export interface RecordingSearch {
  readonly subAppId: number;
  readonly sdkAppId: number;
  /** `CreateTime.After` (inclusive), ISO 8601. */
  readonly createdAfter?: string;
  /** `CreateTime.Before` (exclusive), ISO 8601. */
  readonly createdBefore?: string;
  readonly offset: number;
  readonly limit: number;
}

export interface RecordingPage {
  /** Matches in all (VOD caps it at 5000). */
  readonly totalCount: number;
  readonly items: readonly RecordingMedia[];
}

/** DescribeRecordingUsage: minutes per usage class (`UsageKey`) per time bucket. */
export interface RecordingUsage {
  readonly usageKeys: readonly string[];
  readonly points: readonly { readonly timestampSeconds: number; readonly minutes: readonly number[] }[];
}

export interface UsageQuery {
  readonly sdkAppId?: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly mixType: "single" | "multi";
}

export interface CloudApi {
  /** One DescribeSubAppIds page of the account's sub-applications. */
  listSubApps(offset: number, limit: number): Promise<{ readonly totalCount: number; readonly items: readonly SubAppInfo[] }>;
  describeEventConfig(subAppId: number): Promise<EventConfig>;
  /**
   * ModifyEventConfig with `SubAppId` and `SignKey` only: absent fields are left as they are, so the mode, URL and
   * switches Terraform set are untouched. `signKey`: letters and digits, at most 32; never logged.
   */
  setEventSignKey(subAppId: number, signKey: string): Promise<void>;
  /** One SearchMedia page of `TrtcRecord` files of one SDKAppID in one sub-application, oldest first. */
  searchRecordings(search: RecordingSearch): Promise<RecordingPage>;
  /** `StartTime`/`EndTime` are `YYYY-MM-DD` (at most 31 days). Without `sdkAppId`: the whole account. */
  describeRecordingUsage(q: UsageQuery): Promise<RecordingUsage>;
}

/** Page size of DescribeSubAppIds (documented maximum). */
export const DESCRIBE_SUB_APP_IDS_LIMIT = 200;
/** DescribeRecordingUsage answers only in ap-guangzhou. */
export const USAGE_REGION = "ap-guangzhou";

export interface CloudEndpointOptions {
  /**
   * A local emulator's base URL, `http://127.0.0.1:<port>`. The clients then use endpoint
   * `<service>.tencentcloudapi.com:<port>` (so the SDK signs the real service name) with an agent that connects to
   * the loopback address. Only loopback addresses are accepted.
   * @default - the real endpoints, `vod.tencentcloudapi.com` and `trtc.tencentcloudapi.com` over HTTPS
   */
  readonly endpoint?: string;
  /** SDK request timeout in seconds: a hung connection becomes a retryable timeout. @default 10 */
  readonly requestTimeoutSeconds?: number;
}

/** Checks `--endpoint` and returns its parts. */
export function parseEndpoint(endpoint: string): { protocol: "http://" | "https://"; port: number; baseUrl: string } {
  let u: URL;
  try {
    u = new URL(endpoint);
  } catch {
    throw new Error(`--endpoint must be a URL like http://127.0.0.1:4780, got ${JSON.stringify(endpoint)}`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error(`--endpoint must be an http:// URL, got ${JSON.stringify(endpoint)}`);
  if (!isLoopbackUrl(endpoint)) {
    throw new Error(`--endpoint is for a local emulator: only loopback addresses (127.0.0.1, localhost) are accepted, got ${u.hostname}`);
  }
  const port = Number(u.port || (u.protocol === "https:" ? 443 : 80));
  return { protocol: u.protocol === "https:" ? "https://" : "http://", port, baseUrl: `${u.protocol}//${u.host}` };
}

function clientConfig(service: "vod" | "trtc", credential: CloudCredential, region: string, opts: CloudEndpointOptions): ClientConfig {
  const reqTimeout = opts.requestTimeoutSeconds ?? 10;
  if (opts.endpoint === undefined) {
    return {
      credential: { secretId: credential.secretId, secretKey: credential.secretKey, ...(credential.token ? { token: credential.token } : {}) },
      region,
      // An explicit agent, so a stray `http_proxy` is not picked up by the SDK's fetch wrapper.
      profile: { httpProfile: { endpoint: `${service}.tencentcloudapi.com`, protocol: "https://", reqTimeout, agent: new https.Agent({ keepAlive: true }) } },
    };
  }
  const ep = parseEndpoint(opts.endpoint);
  return {
    credential: { secretId: credential.secretId, secretKey: credential.secretKey, ...(credential.token ? { token: credential.token } : {}) },
    region,
    profile: {
      httpProfile: {
        endpoint: `${service}.tencentcloudapi.com:${ep.port}`,
        protocol: ep.protocol,
        reqTimeout,
        agent: ep.protocol === "http://" ? loopbackAgent() : (new https.Agent({ keepAlive: true }) as unknown as http.Agent),
      },
    },
  };
}

type VodClient = InstanceType<typeof vod.v20180717.Client>;
type TrtcClient = InstanceType<typeof trtc.v20190722.Client>;

/** Tags as a plain map. */
function tagMap(tags: readonly { TagKey?: string; TagValue?: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.TagKey !== undefined) out[t.TagKey] = t.TagValue ?? "";
  return out;
}

/** The SDK clients, by service. */
interface SdkClients {
  readonly vod: VodClient;
  readonly trtc: TrtcClient;
}
type Row<K extends PostDeployActionKey> = (typeof CLOUD_ACTIONS)[K];
/** The SDK method of a row: `client[row.action]` of `row.service`'s client. */
type ServiceOf<K extends PostDeployActionKey> = Row<K>["service"] & keyof SdkClients;
type SdkMethod<K extends PostDeployActionKey> = Row<K>["action"] extends keyof SdkClients[ServiceOf<K>] ? SdkClients[ServiceOf<K>][Row<K>["action"]] : never;
type RequestOf<K extends PostDeployActionKey> = SdkMethod<K> extends (req: infer R, ...rest: never[]) => unknown ? R : never;
type ResponseOf<K extends PostDeployActionKey> = SdkMethod<K> extends (...args: never[]) => Promise<infer R> ? R : never;

/** The {@link CloudApi} over tencentcloud-sdk-nodejs. */
export class SdkCloudApi implements CloudApi {
  private readonly vod: VodClient;
  private readonly trtc: TrtcClient;

  constructor(
    credential: CloudCredential,
    private readonly transport: Transport,
    opts: CloudEndpointOptions = {},
  ) {
    // VOD actions take no region; DescribeRecordingUsage answers only in ap-guangzhou.
    this.vod = new vod.v20180717.Client(clientConfig("vod", credential, "", opts));
    this.trtc = new trtc.v20190722.Client(clientConfig("trtc", credential, USAGE_REGION, opts));
  }

  /** Sends the action of a post-deploy row of the action table: the only way this class calls the SDK. */
  private send<K extends PostDeployActionKey>(key: K, request: RequestOf<K>, opts?: CallOptions): Promise<ResponseOf<K>> {
    const row = CLOUD_ACTIONS[key];
    const client = row.service === "vod" ? this.vod : this.trtc;
    const method = (client as unknown as Record<string, (req: unknown) => Promise<ResponseOf<K>>>)[row.action];
    return this.transport.call(row.service, row.action, row.access === "write", () => method.call(client, request), opts);
  }

  public async listSubApps(offset: number, limit: number): Promise<{ totalCount: number; items: SubAppInfo[] }> {
    const res = await this.send("vod:DescribeSubAppIds", { Offset: offset, Limit: limit });
    const items = (res.SubAppIdInfoSet ?? []).map((a) => ({
      subAppId: a.SubAppId ?? 0,
      name: a.SubAppIdName ?? a.Name ?? "",
      description: a.Description ?? "",
      status: a.Status ?? "",
      tags: tagMap(a.Tags),
    }));
    return { totalCount: res.TotalCount ?? items.length, items };
  }

  public async describeEventConfig(subAppId: number): Promise<EventConfig> {
    const r = await this.send("vod:DescribeEventConfig", { SubAppId: subAppId });
    return {
      mode: r.Mode ?? "",
      notificationUrl: r.NotificationUrl ?? "",
      uploadMediaCompleteEventSwitch: r.UploadMediaCompleteEventSwitch ?? "",
      deleteMediaCompleteEventSwitch: r.DeleteMediaCompleteEventSwitch ?? "",
      persistenceCompleteEventSwitch: r.PersistenceCompleteEventSwitch ?? "",
    };
  }

  public async setEventSignKey(subAppId: number, signKey: string): Promise<void> {
    await this.send("vod:ModifyEventConfig", { SubAppId: subAppId, SignKey: signKey }, { carriesSecret: true });
  }

  public async searchRecordings(s: RecordingSearch): Promise<RecordingPage> {
    const createTime = s.createdAfter !== undefined || s.createdBefore !== undefined ? { After: s.createdAfter, Before: s.createdBefore } : undefined;
    const r = await this.send("vod:SearchMedia", {
      SubAppId: s.subAppId,
      SourceTypes: ["TrtcRecord"],
      TrtcSdkAppIds: [s.sdkAppId],
      ...(createTime ? { CreateTime: createTime } : {}),
      Filters: ["basicInfo", "metaData"],
      Sort: { Field: "CreateTime", Order: "Asc" },
      Offset: s.offset,
      Limit: s.limit,
    });
    const items: RecordingMedia[] = (r.MediaInfoSet ?? []).map((m) => {
      const b = m.BasicInfo;
      const trtcInfo = b?.SourceInfo?.TrtcRecordInfo;
      return {
        fileId: m.FileId ?? "",
        createTime: b?.CreateTime ?? "",
        expireTime: b?.ExpireTime ?? "",
        durationSeconds: typeof m.MetaData?.Duration === "number" ? m.MetaData.Duration : 0,
        sdkAppId: typeof trtcInfo?.SdkAppId === "number" ? trtcInfo.SdkAppId : null,
        roomId: trtcInfo?.RoomId ?? null,
        taskId: trtcInfo?.TaskId ?? null,
        userIds: [...(trtcInfo?.UserIds ?? [])],
      };
    });
    return { totalCount: r.TotalCount ?? items.length, items };
  }

  public async describeRecordingUsage(q: UsageQuery): Promise<RecordingUsage> {
    const r = await this.send("trtc:DescribeRecordingUsage", {
      StartTime: q.startDate,
      EndTime: q.endDate,
      MixType: q.mixType,
      ...(q.sdkAppId !== undefined ? { SdkAppId: q.sdkAppId } : {}),
    });
    return {
      usageKeys: [...(r.UsageKey ?? [])],
      points: (r.UsageList ?? []).map((p) => ({ timestampSeconds: Number(p.TimeStampKey ?? 0), minutes: [...(p.UsageValue ?? [])] })),
    };
  }
}
