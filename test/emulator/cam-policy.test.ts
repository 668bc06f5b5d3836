/**
 * The CAM policy grammar and evaluator on tables of cases. "documented" cases come from CAM's element reference,
 * evaluation logic, resource description and the VOD/TRTC custom-policy pages (docs/cam.md §3); "our reading" cases pin
 * the emulator's choices where the documentation is silent (emulator/README.md).
 */
import { AccessRequest, PolicyStatement, evaluatePolicies, parsePolicyDocument } from "../../emulator/cam-policy";

const OWNER = "12345678";
const vod = (id: number, owner = OWNER): string => `qcs::vod::uin/${owner}:subAppId/${id}`;
const trtc = (id: number): string => `qcs::trtc::uin/${OWNER}:sdkappid/${id}`;

function statements(...list: Array<Record<string, unknown>>): PolicyStatement[] {
  const parsed = parsePolicyDocument(JSON.stringify({ version: "2.0", statement: list }));
  if (!parsed.ok) throw new Error(`${parsed.code}: ${parsed.message}`);
  return [...parsed.statements];
}

function decide(policy: PolicyStatement[], action: string, resource?: string): string {
  const req: AccessRequest = { action, resource, ownerUin: OWNER };
  return evaluatePolicies(policy, req).effect;
}

describe("parsePolicyDocument: what CreatePolicy refuses, with CAM's codes", () => {
  const ok = { effect: "allow", action: ["vod:SearchMedia"], resource: ["*"] };
  test.each<[string, unknown, string]>([
    ["not JSON", "{", "InvalidParameter.PolicyDocumentError"],
    ["not an object", "[]", "InvalidParameter.PolicyDocumentError"],
    ["version other than 2.0", { version: "1.0", statement: [ok] }, "InvalidParameter.VersionError"],
    ["no version", { statement: [ok] }, "InvalidParameter.VersionError"],
    ["no statement", { version: "2.0" }, "InvalidParameter.StatementError"],
    ["empty statement", { version: "2.0", statement: [] }, "InvalidParameter.StatementError"],
    ["statement not an object", { version: "2.0", statement: ["x"] }, "InvalidParameter.StatementError"],
    ["effect neither allow nor deny", { version: "2.0", statement: [{ ...ok, effect: "permit" }] }, "InvalidParameter.EffectError"],
    ["element names are lowercase", { version: "2.0", statement: [{ Effect: "allow", action: ok.action, resource: ok.resource }] }, "InvalidParameter.EffectError"],
    ["no action", { version: "2.0", statement: [{ effect: "allow", resource: ["*"] }] }, "InvalidParameter.ActionError"],
    ["action without service", { version: "2.0", statement: [{ ...ok, action: ["SearchMedia"] }] }, "InvalidParameter.ActionError"],
    ["empty action list", { version: "2.0", statement: [{ ...ok, action: [] }] }, "InvalidParameter.ActionError"],
    ["no resource", { version: "2.0", statement: [{ effect: "allow", action: ["vod:*"] }] }, "InvalidParameter.ResourceError"],
    ["resource not six segments", { version: "2.0", statement: [{ ...ok, resource: ["vod:subAppId/1"] }] }, "InvalidParameter.ResourceQcsError"],
    ["resource not qcs", { version: "2.0", statement: [{ ...ok, resource: ["acs::vod::uin/1:subAppId/1"] }] }, "InvalidParameter.ResourceQcsError"],
    ["account not uin/ or uid/", { version: "2.0", statement: [{ ...ok, resource: ["qcs::vod::owner/1:subAppId/1"] }] }, "InvalidParameter.ResourceUinError"],
    ["condition not operator -> object", { version: "2.0", statement: [{ ...ok, condition: "ip" }] }, "InvalidParameter.ConditionError"],
  ])("%s → %s", (_name, doc, code) => {
    const r = parsePolicyDocument(typeof doc === "string" ? doc : JSON.stringify(doc));
    expect(r.ok).toBe(false);
    expect(r.ok ? undefined : r.code).toBe(code);
  });

  test("more than 4096 characters → InvalidParameter.PolicyDocumentLengthOverLimit (Use Limits)", () => {
    const doc = JSON.stringify({ version: "2.0", statement: [{ ...ok, action: Array.from({ length: 300 }, (_, i) => `vod:Action${i}`) }] });
    expect(doc.length).toBeGreaterThan(4096);
    const r = parsePolicyDocument(doc);
    expect(r.ok ? "ok" : r.code).toBe("InvalidParameter.PolicyDocumentLengthOverLimit");
  });

  test("accepted: string or array action/resource, name/ prefix, permid/, principal, condition, empty account", () => {
    for (const s of [
      { effect: "allow", action: "name/cmqqueue:Sendmessages", resource: "*" },
      { effect: "deny", action: ["name/vod:*", "trtc:Describe*", "permid/280655"], resource: [vod(1), "qcs::vod:::subAppId/2", trtc(3)] },
      { effect: "allow", action: ["cos:PutObject"], resource: ["*"], condition: { ip_equal: { "qcs:ip": ["10.217.182.3/24"] } } },
      { effect: "allow", action: "*", resource: "*", principal: { qcs: ["qcs::cam::uin/1238423:uin/3232523"] } },
    ]) {
      expect(parsePolicyDocument(JSON.stringify({ version: "2.0", statement: [s] })).ok).toBe(true);
    }
  });
});

describe("evaluatePolicies: documented cases", () => {
  test.each<[string, PolicyStatement[], string, string | undefined, string]>([
    ["nothing attached: denied by default", [], "vod:SearchMedia", vod(1), "implicitDeny"],
    ["exact action and resource", statements({ effect: "allow", action: ["vod:SearchMedia"], resource: [vod(1)] }), "vod:SearchMedia", vod(1), "allow"],
    ["name/ prefix form", statements({ effect: "allow", action: ["name/vod:SearchMedia"], resource: [vod(1)] }), "vod:SearchMedia", vod(1), "allow"],
    ["single string action and resource", statements({ effect: "allow", action: "vod:SearchMedia", resource: vod(1) }), "vod:SearchMedia", vod(1), "allow"],
    ["other action: not granted", statements({ effect: "allow", action: ["vod:SearchMedia"], resource: ["*"] }), "vod:ModifyMediaInfo", vod(1), "implicitDeny"],
    ["Describe* covers DescribeMediaInfos", statements({ effect: "allow", action: ["vod:Describe*"], resource: ["*"] }), "vod:DescribeMediaInfos", vod(1), "allow"],
    ["Describe* does not cover SearchMedia", statements({ effect: "allow", action: ["vod:Describe*"], resource: ["*"] }), "vod:SearchMedia", vod(1), "implicitDeny"],
    ["vod:* covers every VOD action", statements({ effect: "allow", action: ["name/vod:*"], resource: ["*"] }), "vod:ModifyEventConfig", vod(9), "allow"],
    ["vod:* does not cover TRTC", statements({ effect: "allow", action: ["vod:*"], resource: ["*"] }), "trtc:DescribeRecordingUsage", undefined, "implicitDeny"],
    ["action * covers everything", statements({ effect: "allow", action: ["*"], resource: ["*"] }), "trtc:CreateCloudRecording", undefined, "allow"],
    ["resource * covers a sub-application", statements({ effect: "allow", action: ["vod:*"], resource: ["*"] }), "vod:SearchMedia", vod(7), "allow"],
    ["subAppId/* covers every sub-application", statements({ effect: "allow", action: ["vod:*"], resource: [`qcs::vod::uin/${OWNER}:subAppId/*`] }), "vod:SearchMedia", vod(7), "allow"],
    ["another sub-application: not granted", statements({ effect: "allow", action: ["vod:*"], resource: [vod(1)] }), "vod:SearchMedia", vod(2), "implicitDeny"],
    ["one of several resources", statements({ effect: "allow", action: ["vod:*"], resource: [vod(1), vod(2)] }), "vod:SearchMedia", vod(2), "allow"],
    ["sdkappid/* covers one SDKAppID", statements({ effect: "allow", action: ["trtc:*"], resource: [`qcs::trtc::uin/${OWNER}:sdkappid/*`] }), "trtc:DismissRoom", trtc(1400000001), "allow"],
    ["another SDKAppID: not granted", statements({ effect: "allow", action: ["trtc:*"], resource: [trtc(1400000001)] }), "trtc:DismissRoom", trtc(1400000002), "implicitDeny"],
    ["VOD resource does not cover TRTC", statements({ effect: "allow", action: ["*"], resource: [vod(1)] }), "trtc:DismissRoom", trtc(1), "implicitDeny"],
    ["empty account = the policy owner's root account", statements({ effect: "allow", action: ["vod:*"], resource: ["qcs::vod:::subAppId/1"] }), "vod:SearchMedia", vod(1), "allow"],
    ["another account's resource", statements({ effect: "allow", action: ["vod:*"], resource: [vod(1, "87654321")] }), "vod:SearchMedia", vod(1), "implicitDeny"],
    ["operation-level API: a specific resource does not grant it", statements({ effect: "allow", action: ["trtc:DescribeRecordStatistic"], resource: [trtc(1)] }), "trtc:DescribeRecordStatistic", undefined, "implicitDeny"],
    ["operation-level API: * grants it", statements({ effect: "allow", action: ["trtc:DescribeRecordStatistic"], resource: ["*"] }), "trtc:DescribeRecordStatistic", undefined, "allow"],
  ])("%s", (_name, policy, action, resource, effect) => {
    expect(decide(policy, action, resource)).toBe(effect);
  });

  test("explicit deny wins: VOD's example (allow vod:* on two apps, deny ProcessMedia on one)", () => {
    const policy = statements(
      { effect: "allow", action: ["name/vod:*"], resource: [vod(1400000001), vod(1400000002)] },
      { effect: "deny", action: ["name/vod:ProcessMedia"], resource: [vod(1400000001)] },
    );
    expect(decide(policy, "vod:ProcessMedia", vod(1400000001))).toBe("deny");
    expect(decide(policy, "vod:ProcessMedia", vod(1400000002))).toBe("allow");
    expect(decide(policy, "vod:SearchMedia", vod(1400000001))).toBe("allow");
  });

  test("explicit deny wins whatever the order of statements or policies", () => {
    const allow = statements({ effect: "allow", action: ["*"], resource: ["*"] });
    const deny = statements({ effect: "deny", action: ["vod:ModifyEventConfig"], resource: ["*"] });
    expect(decide([...deny, ...allow], "vod:ModifyEventConfig", vod(1))).toBe("deny");
    expect(decide([...allow, ...deny], "vod:ModifyEventConfig", vod(1))).toBe("deny");
    expect(decide([...allow, ...deny], "vod:DescribeEventConfig", vod(1))).toBe("allow");
  });
});

describe("evaluatePolicies: our reading where CAM's pages are silent", () => {
  test.each<[string, PolicyStatement[], string, string | undefined, string]>([
    ["matching is case-sensitive", statements({ effect: "allow", action: ["vod:searchmedia"], resource: ["*"] }), "vod:SearchMedia", vod(1), "implicitDeny"],
    ["a wildcard inside the resource ID", statements({ effect: "allow", action: ["vod:*"], resource: [`qcs::vod::uin/${OWNER}:subAppId/15*`] }), "vod:SearchMedia", vod(1500000001), "allow"],
    ["a policy region does not cover the region-less VOD resource", statements({ effect: "allow", action: ["vod:*"], resource: [`qcs::vod:ap-guangzhou:uin/${OWNER}:subAppId/1`] }), "vod:SearchMedia", vod(1), "implicitDeny"],
    ["a permid/ feature set grants nothing (its API list is not public)", statements({ effect: "allow", action: ["permid/280655"], resource: ["*"] }), "vod:SearchMedia", vod(1), "implicitDeny"],
    ["an allow with a condition grants nothing", statements({ effect: "allow", action: ["vod:*"], resource: ["*"], condition: { ip_equal: { "qcs:ip": ["127.0.0.1/32"] } } }), "vod:SearchMedia", vod(1), "implicitDeny"],
    [
      "a deny with a condition applies",
      statements(
        { effect: "allow", action: ["vod:*"], resource: ["*"] },
        { effect: "deny", action: ["vod:*"], resource: ["*"], condition: { ip_not_equal: { "qcs:ip": ["127.0.0.1/32"] } } },
      ),
      "vod:SearchMedia",
      vod(1),
      "deny",
    ],
    ["a deny on a specific resource does not apply to an operation-level API", statements({ effect: "allow", action: ["trtc:*"], resource: ["*"] }, { effect: "deny", action: ["trtc:*"], resource: [trtc(1)] }), "trtc:DescribeRecordingUsage", undefined, "allow"],
  ])("%s", (_name, policy, action, resource, effect) => {
    expect(decide(policy, action, resource)).toBe(effect);
  });
});
