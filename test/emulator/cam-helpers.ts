/** Shared by the CAM tests: the real SDK's CAM client against the emulator, and policy documents. */
import { cam } from "tencentcloud-sdk-nodejs/tencentcloud/services/cam";
import { Emulator, SdkCredentials, sdkClientConfig } from "../../emulator/public-api";

export type CamClient = InstanceType<typeof cam.v20190116.Client>;

export function camClient(emu: Emulator, credentials?: SdkCredentials): CamClient {
  return new cam.v20190116.Client(sdkClientConfig(emu, "cam", credentials));
}

/** A version 2.0 policy document from statements. */
export function policyDocument(...statement: Array<Record<string, unknown>>): string {
  return JSON.stringify({ version: "2.0", statement });
}
