export * from "./vod-application";
export * from "./vod-event-callback";
export * from "./retention";
export * from "./recording-configuration";
export * from "./callback-secret";
export * from "./callbacks";
export * from "./live-recording";
export * from "./desired-state-document";
