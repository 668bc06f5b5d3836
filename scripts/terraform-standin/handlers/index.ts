/** The resource types the stand-in handles, by Terraform type. Another type is a new handler module added here. */
import type { ResourceHandler } from "./types";
import { vodEventConfig } from "./vod-event-config";
import { vodSubApplication } from "./vod-sub-application";

export const HANDLERS: Readonly<Record<string, ResourceHandler>> = Object.fromEntries([vodSubApplication, vodEventConfig].map((h) => [h.type, h]));
export type { ResourceHandler } from "./types";
