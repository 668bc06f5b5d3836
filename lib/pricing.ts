/**
 * The unit prices of recording and storage: ONE typed, dated table, with the source of every figure. The recording
 * plan's cost estimate and the post-deploy conflict check's cost of double recording both price from it.
 *
 * Live recording is billed as TRTC cloud recording at the **single-stream** prices (Tencent RTC "Live Recording"
 * guide, tencentcloud.com/document/product/647/77024, "Billing Description": "pricing based on Single-stream
 * recording"), plus VOD standard storage for the files. List prices of the Chinese site (CNY), without packages,
 * contracts or free minutes; a contract price replaces them.
 *
 * To update: change the figures, `asOf` and the sources together; a changed table shows in `plan --base` as a price
 * change, so reviewers can tell a price update from a configuration change.
 */
import type { Resolution } from "./desired-state";

/** One unit price and where it comes from. */
export interface UnitPrice {
  /** Price in CNY per `unit`. */
  readonly cny: number;
  readonly unit: string;
  /** Page the figure was read from. */
  readonly source: string;
  /**
   * True when no published figure was found and the value is an estimate of ours. The plan then says
   * "estimate uses assumed unit price ... verify at <verifyAt>".
   */
  readonly assumed: boolean;
  /** Where a reader checks the current figure. */
  readonly verifyAt: string;
}

export interface PriceTable {
  /** Day the figures were taken (ISO date). */
  readonly asOf: string;
  readonly currency: "CNY";
  /** TRTC cloud recording, single-stream, per 1,000 minutes of recording, by resolution class (`UsageKey`). */
  readonly recordingPer1000Minutes: Readonly<Record<Resolution, UnitPrice>>;
  /** VOD media storage, standard class, per GB (2^30 bytes) per month (30 days). */
  readonly vodStandardStoragePerGbMonth: UnitPrice;
}

/**
 * Published source of the TRTC recording prices: Tencent Cloud's documentation repository, page "云端录制计费说明"
 * (cloud recording billing, for applications created from 2022-08-01; older applications keep the legacy table at
 * cloud.tencent.com/document/product/647/45892). Table "计费价格", 单流录制 (single-stream), 元/千分钟:
 * 音频 3.5, 标清 SD 7, 高清 HD 14, 超高清 Full HD 31, 2K 56, 4K 97. Read from the file's versions at commits
 * d92bcceeb2b5 and 0432c640c40d (same figures).
 */
export const TRTC_RECORDING_PRICE_SOURCE =
  "https://github.com/tencentyun/qcloud-documents/blob/master/product/%E8%A7%86%E9%A2%91%E6%9C%8D%E5%8A%A1/%E5%AE%9E%E6%97%B6%E9%9F%B3%E8%A7%86%E9%A2%91/%E8%B4%AD%E4%B9%B0%E6%8C%87%E5%8D%97/%E4%BA%91%E7%AB%AF%E5%BD%95%E5%88%B6%E8%B4%B9%E7%94%A8%E8%AF%B4%E6%98%8E%EF%BC%88%E6%96%B0%EF%BC%89.md";
/** TRTC's own entry point for its billing pages (购买指南 > 云端录制计费说明). */
export const TRTC_RECORDING_PRICE_PAGE = "https://cloud.tencent.com/document/product/647";
/**
 * VOD storage prices ("媒资存储", daily pay-as-you-go), the page TRTC's recording billing page links to for the storage
 * of recordings. No figure for it could be read from the material available offline.
 */
export const VOD_STORAGE_PRICE_PAGE = "https://cloud.tencent.com/document/product/266/14666#media_storage";

const recording = (cny: number): UnitPrice => ({
  cny,
  unit: "1,000 minutes",
  source: TRTC_RECORDING_PRICE_SOURCE,
  assumed: false,
  verifyAt: TRTC_RECORDING_PRICE_PAGE,
});

export const PRICE_TABLE: PriceTable = {
  asOf: "2026-11-25",
  currency: "CNY",
  recordingPer1000Minutes: {
    Audio: recording(3.5),
    SD: recording(7),
    HD: recording(14),
    FullHD: recording(31),
    "2K": recording(56),
    "4K": recording(97),
  },
  // ASSUMPTION: 0.0043 CNY per GB per day (x 30 days), our estimate of VOD standard storage in the Chinese mainland;
  // not read from a published page. The plan flags it and points to VOD_STORAGE_PRICE_PAGE.
  vodStandardStoragePerGbMonth: {
    cny: 0.129,
    unit: "GB-month",
    source: "assumption (no published figure found offline)",
    assumed: true,
    verifyAt: VOD_STORAGE_PRICE_PAGE,
  },
};

/**
 * Average bitrate of a recorded file (video + audio), by resolution class, when `expectedUsage.averageBitrateKbps`
 * is not declared: typical encoder settings, our assumption, stated in the plan.
 */
export const DEFAULT_BITRATE_KBPS: Readonly<Record<Resolution, number>> = {
  Audio: 64,
  SD: 800,
  HD: 1500,
  FullHD: 3000,
  "2K": 6000,
  "4K": 12000,
};

/** Storage grows without bound when recordings are kept forever: the estimate shows month `horizon`'s bill. */
export const STORAGE_HORIZON_MONTHS = 12;
/** Days in a billing month, for retention in months and per-day prices. */
export const DAYS_PER_MONTH = 30;
/** Bytes in a billed GB (VOD and COS bill storage in GB of 1,024 MB). */
export const BYTES_PER_GB = 1024 ** 3;
