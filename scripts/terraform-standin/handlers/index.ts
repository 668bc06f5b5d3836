/** The resource types the stand-in handles, by Terraform type. Another type is a new handler module added here. */
import { camPolicy } from "./cam-policy";
import { camRolePolicyAttachment } from "./cam-role-policy-attachment";
import { camUserPolicyAttachment } from "./cam-user-policy-attachment";
import type { ResourceHandler } from "./types";
import { vodEventConfig } from "./vod-event-config";
import { vodSubApplication } from "./vod-sub-application";

export const HANDLERS: Readonly<Record<string, ResourceHandler>> = Object.fromEntries(
  [vodSubApplication, vodEventConfig, camPolicy, camUserPolicyAttachment, camRolePolicyAttachment].map((h) => [h.type, h]),
);
export type { ResourceHandler } from "./types";
