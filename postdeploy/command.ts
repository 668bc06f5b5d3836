import { Command } from "commander";

/** `trtc-live-recording post-deploy <plan|apply|check|attest>` (issue 5). */
export function registerPostDeployCommands(program: Command): void {
  program
    .command("post-deploy")
    .description("apply what Terraform cannot, after cdktf deploy (not implemented yet)")
    .action(() => {
      throw new Error("post-deploy is not implemented yet");
    });
}
