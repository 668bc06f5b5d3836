import { Command } from "commander";
import type { CliContext } from "../cli/context";

/** `trtc-live-recording post-deploy <plan|apply|check|attest>` (issue 5). */
export function registerPostDeployCommands(program: Command, _ctx: CliContext): void {
  program
    .command("post-deploy")
    .description("apply what Terraform cannot, after cdktf deploy (not implemented yet)")
    .action(() => {
      throw new Error("post-deploy is not implemented yet");
    });
}
