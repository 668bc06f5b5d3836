/**
 * Every VOD sub-application of the account, listed once per run (DescribeSubAppIds, 200 per page) and shared by all
 * apps: a run over 100 SDKAppIDs makes one DescribeSubAppIds call, not 100.
 */
import type { CloudApi, SubAppInfo } from "./cloud";
import { DESCRIBE_SUB_APP_IDS_LIMIT } from "./cloud";

export class SubAppDirectory {
  private listing?: Promise<ReadonlyMap<number, SubAppInfo>>;

  /** `cloud` sends through the run's own transport (its calls are counted for the run, not for one app). */
  constructor(private readonly cloud: Pick<CloudApi, "listSubApps">) {}

  /** The sub-application with this SubAppId, or null when the account has none. */
  public async get(subAppId: number): Promise<SubAppInfo | null> {
    return (await this.all()).get(subAppId) ?? null;
  }

  private all(): Promise<ReadonlyMap<number, SubAppInfo>> {
    // One listing for everyone; a failed listing is not cached, so the next app (or a rerun) tries again.
    this.listing ??= this.list().catch((err) => {
      this.listing = undefined;
      throw err;
    });
    return this.listing;
  }

  private async list(): Promise<ReadonlyMap<number, SubAppInfo>> {
    const out = new Map<number, SubAppInfo>();
    for (let offset = 0; ; offset += DESCRIBE_SUB_APP_IDS_LIMIT) {
      const page = await this.cloud.listSubApps(offset, DESCRIBE_SUB_APP_IDS_LIMIT);
      for (const app of page.items) out.set(app.subAppId, app);
      if (page.items.length < DESCRIBE_SUB_APP_IDS_LIMIT || offset + page.items.length >= page.totalCount) return out;
    }
  }
}
