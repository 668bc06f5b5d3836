import { Command } from "commander";

/** `trtc-live-recording plan`: the recording plan for CI review (issue 6). */
export function registerPlanCommand(program: Command): void {
  program
    .command("plan")
    .description("synthesize the app and write the recording plan of every environment (not implemented yet)")
    .action(() => {
      throw new Error("plan is not implemented yet");
    });
}
