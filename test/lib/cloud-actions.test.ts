/**
 * The one table of Cloud API actions (lib/cloud-actions.ts): the post-deploy clients can call an action only through
 * its row, the row says whether it is a write, and each row's CAM authorization is the documented one (docs/cam.md §2),
 * which the emulator (the service side) enforces from its own model.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { accessScopeOf } from "../../emulator";
import { CLOUD_ACTIONS, CloudActionRow, postDeployActions } from "../../lib/cloud-actions";
import { SdkCloudApi } from "../../postdeploy/cloud";
import type { Transport } from "../../postdeploy/transport";

const source = readFileSync(path.join(__dirname, "../../postdeploy/cloud.ts"), "utf8");

describe("SdkCloudApi calls every action through the table", () => {
  test("no SDK method or transport call outside `send`, which takes a row of the table", () => {
    const body = source.slice(source.indexOf("export class SdkCloudApi"));
    const direct = body.match(/this\.(vod|trtc)\.[A-Z]\w*\(|transport\.call\(/g) ?? [];
    expect(direct).toEqual(["transport.call("]); // the one inside send()
    expect(body.slice(body.indexOf("private send<"), body.indexOf("transport.call(")).length).toBeLessThan(600);
  });

  test("it sends exactly the post-deploy rows, each as a read or a write as the row says", async () => {
    const sent: Array<[string, boolean]> = [];
    const transport = {
      call: async (service: string, action: string, write: boolean) => {
        sent.push([`${service}:${action}`, write]);
        return {};
      },
    } as unknown as Transport;
    const api = new SdkCloudApi({ secretId: "id", secretKey: "key", origin: "test" }, transport, { endpoint: "http://127.0.0.1:9" });
    await api.listSubApps(0, 200);
    await api.describeEventConfig(1);
    await api.setEventSignKey(1, "k");
    await api.searchRecordings({ subAppId: 1, sdkAppId: 1400000001, offset: 0, limit: 10 });
    await api.describeRecordingUsage({ startDate: "2026-01-01", endDate: "2026-01-01", mixType: "single" });
    expect(sent.sort()).toEqual(postDeployActions().map(([key, row]) => [key, row.access === "write"]).sort());
  });
});

describe("each row's CAM authorization is the documented one, and the emulator's", () => {
  const rows = postDeployActions();

  test("what the post-deploy step calls, when, and how CAM authorizes it", () => {
    expect(rows.map(([key, row]) => [key, row.access, row.postDeploy.modes.join("/"), row.postDeploy.features.join(" or "), row.postDeploy.cam.kind])).toEqual([
      ["vod:DescribeSubAppIds", "read", "plan/check/apply", "vod-application", "no-grant-needed"],
      ["vod:DescribeEventConfig", "read", "plan/check/apply", "vod-event-callback", "vod-sub-application"],
      ["vod:ModifyEventConfig", "write", "apply", "vod-sign-key", "vod-sub-application"],
      ["vod:SearchMedia", "read", "plan/check/apply", "vod-application", "vod-sub-application"],
      ["trtc:DescribeRecordingUsage", "read", "plan/check/apply", "vod-application or global-auto-recording-off", "any-resource"],
    ]);
  });

  test.each(rows.map(([key, row]) => [key, row] as const))("%s: the emulator's service-side model agrees", (key, row) => {
    const [service, action] = key.split(":");
    const expected = { "vod-sub-application": "resource", "any-resource": "operation", "no-grant-needed": "open" }[row.postDeploy.cam.kind];
    expect(accessScopeOf(service, action).kind).toBe(expected);
  });

  test("every `*` and every left-out action says why, citing Tencent's documentation", () => {
    for (const [, row] of rows) {
      const cam = row.postDeploy.cam;
      if (cam.kind === "vod-sub-application") expect(cam.source).toContain("https://intl.cloud.tencent.com/document/product/266/33970");
      else expect(cam.reason).toMatch(/https:\/\/intl\.cloud\.tencent\.com\/document\/product\/(266\/33970|647\/39549)/);
    }
  });

  test("ModifySubAppIdStatus (QcloudVODFullAccess only) is not called by the post-deploy step", () => {
    expect((CLOUD_ACTIONS["vod:ModifySubAppIdStatus"] as CloudActionRow).postDeploy).toBeNull();
  });
});
