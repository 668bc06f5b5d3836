// The types of the seam's engine: cdktf's API, which both engines implement. This is the one reference to an engine
// module in the package's declarations. A TypeScript app on cdktn maps "cdktf" to cdktn (README, "Using CDK Terrain").
export * from "cdktf";
