export * from "./live-recording-stack";
export * from "./state-backend";
export * from "./environments";
