// No imports: the post-deploy step and the emulator may use this without loading cdktf.

/**
 * Tencent Cloud regions, the one list this package checks region names against (the provider's `region`, a COS
 * backend's bucket region, TRTC's `TencentVod.StorageRegion`).
 *
 * Sources: the region constants of Tencent Cloud's own SDK (`tencentcloud-sdk-go`, `tencentcloud/common/regions`:
 * ap-bangkok ... sa-saopaulo), and `ap-beijing-fsi`, which Tencent's "Regions and AZs" pages list (TencentDB for Redis,
 * tencentcloud.com/document/product/239/4106) but the SDK does not. A zone such as `ap-guangzhou-3` is an availability
 * zone of a region, not a region (the same pages). A region Tencent opens after this list was written is refused
 * until the package lists it.
 */
export const TENCENT_CLOUD_REGIONS = [
  "ap-bangkok",
  "ap-beijing",
  "ap-beijing-fsi",
  "ap-chengdu",
  "ap-chongqing",
  "ap-guangzhou",
  "ap-guangzhou-open",
  "ap-hongkong",
  "ap-jakarta",
  "ap-mumbai",
  "ap-nanjing",
  "ap-seoul",
  "ap-shanghai",
  "ap-shanghai-fsi",
  "ap-shenzhen-fsi",
  "ap-singapore",
  "ap-tokyo",
  "eu-frankfurt",
  "eu-moscow",
  "na-ashburn",
  "na-siliconvalley",
  "na-toronto",
  "sa-saopaulo",
] as const;
export type TencentCloudRegion = (typeof TENCENT_CLOUD_REGIONS)[number];

export function isTencentCloudRegion(value: unknown): value is TencentCloudRegion {
  return typeof value === "string" && (TENCENT_CLOUD_REGIONS as readonly string[]).includes(value);
}

/** The region an availability zone name belongs to (`ap-guangzhou-3` -> `ap-guangzhou`), when it names a listed one. */
export function regionOfZone(value: string): TencentCloudRegion | undefined {
  const m = /^(.+)-\d+$/.exec(value);
  return m && isTencentCloudRegion(m[1]) ? m[1] : undefined;
}
