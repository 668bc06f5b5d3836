/**
 * A refusal by CAM is reported as one line naming the missing permission, parsed from the refusal's message (the shape
 * of real responses, docs/cam.md §4), and never retried.
 */
import { PermissionDeniedError, isCamRefusal } from "../../postdeploy/permission-error";
import { classifyError, withRetry } from "../../postdeploy/retry";
import { CallRecorder, Transport } from "../../postdeploy/transport";

/** A refusal as tencentcloud-sdk-nodejs throws it (TencentCloudSDKHttpException: code, message, requestId). */
function refusal(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

// Quoted from a real refusal (https://github.com/TencentCloud/tencentcloud-sdk-java/issues/78), and the emulator's
// rendering of a resource-level one.
const SMS =
  "You are not authorized to perform this operation. Check your CAM policies, and ensure that you are using the correct access keys. " +
  "[[request id:7a1c2d]you are not authorized to perform operation (sms:SendSms)\nresource (*) has no permission\n]";
const VOD =
  "You are not authorized to perform this operation. Check your CAM policies, and ensure that you are using the correct access keys. " +
  "[[request id:9b]you are not authorized to perform operation (vod:SearchMedia)\nresource (qcs::vod::uin/100000000001:subAppId/1500000001) has no permission\n]";

describe("the one line", () => {
  test("action and resource as the refusal names them", () => {
    const e = new PermissionDeniedError("vod", "SearchMedia", refusal("AuthFailure.UnauthorizedOperation", VOD));
    expect(e.message).toBe(
      "missing CAM permission: vod:SearchMedia on qcs::vod::uin/100000000001:subAppId/1500000001 (AuthFailure.UnauthorizedOperation, not retried): " +
        "allow it for these credentials (the policies that accessPolicies declares do)",
    );
    expect([e.action, e.resource, e.code, e.retryable]).toEqual(["vod:SearchMedia", "qcs::vod::uin/100000000001:subAppId/1500000001", "AuthFailure.UnauthorizedOperation", false]);
  });

  test("an operation-level refusal names `*`", () => {
    const e = new PermissionDeniedError("sms", "SendSms", refusal("AuthFailure.UnauthorizedOperation", SMS));
    expect([e.action, e.resource]).toEqual(["sms:SendSms", "*"]);
    expect(e.message).not.toContain("\n");
  });

  test("VOD's plain UnauthorizedOperation without the named parts: the call's own action, and no resource guessed", () => {
    const e = new PermissionDeniedError("vod", "ModifyEventConfig", refusal("UnauthorizedOperation", "Unauthorized operation."));
    expect(e.message).toBe(
      "missing CAM permission: vod:ModifyEventConfig on the resource of the request (the refusal names none) (UnauthorizedOperation, not retried): " +
        "allow it for these credentials (the policies that accessPolicies declares do)",
    );
  });

  test("nothing else of the refusal's text is taken (a service or proxy may echo the request into it)", () => {
    const echoed = VOD.replace("[[request id:9b]", "[[request id:9b] SignKey=TopSecret0123 ");
    const e = new PermissionDeniedError("vod", "ModifyEventConfig", refusal("AuthFailure.UnauthorizedOperation", echoed));
    expect(e.message).not.toContain("TopSecret0123");
    const odd = VOD.replace("qcs::vod::uin/100000000001:subAppId/1500000001", "qcs::vod::uin/1:subAppId/1;SignKey=TopSecret0123");
    expect(new PermissionDeniedError("vod", "ModifyEventConfig", refusal("AuthFailure.UnauthorizedOperation", odd)).resource).toBeNull();
  });

  test("which codes are refusals", () => {
    expect(["AuthFailure.UnauthorizedOperation", "UnauthorizedOperation", "UnauthorizedOperation.Foo"].map((code) => isCamRefusal({ code }))).toEqual([true, true, true]);
    expect(["AuthFailure.SignatureFailure", "InternalError", "FailedOperation.UnauthorizedOperationX", undefined].map((code) => isCamRefusal({ code }))).toEqual([false, false, false, false]);
  });
});

describe("never retried", () => {
  test.each(["AuthFailure.UnauthorizedOperation", "UnauthorizedOperation"])("%s: classified final; one attempt", async (code) => {
    expect(classifyError(refusal(code, VOD)).retryable).toBe(false);
    let attempts = 0;
    await expect(
      withRetry(
        async () => {
          attempts++;
          throw refusal(code, VOD);
        },
        { sleep: async () => undefined },
      ),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
  });

  test("through the transport: one attempt, recorded with its code, thrown as the one line (also for a request that carries a secret)", async () => {
    const recorder = new CallRecorder();
    const transport = new Transport({ recorder, retry: { sleep: async () => undefined } });
    for (const carriesSecret of [false, true]) {
      let sent = 0;
      const err = await transport
        .call(
          "vod",
          "ModifyEventConfig",
          true,
          async () => {
            sent++;
            throw refusal("AuthFailure.UnauthorizedOperation", VOD.replace("vod:SearchMedia", "vod:ModifyEventConfig"));
          },
          { carriesSecret },
        )
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PermissionDeniedError);
      expect((err as Error).message).toMatch(/^missing CAM permission: vod:ModifyEventConfig on qcs::vod::uin\/100000000001:subAppId\/1500000001 /);
      expect(sent).toBe(1);
    }
    expect(recorder.records.map((r) => [r.action, r.outcome, r.attempts])).toEqual([
      ["ModifyEventConfig", "AuthFailure.UnauthorizedOperation", 1],
      ["ModifyEventConfig", "AuthFailure.UnauthorizedOperation", 1],
    ]);
  });
});
