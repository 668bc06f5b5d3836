/**
 * The example app, synthesized as `cdktf synth` / `cdktn synth` run it (a real App, not `Testing.app()`, writing into
 * the `CDKTF_OUTDIR` the CLI sets), on the engine the seam loaded; run only by the parity check (scripts/parity/),
 * which compares every file it writes across engines, byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { synth } from "../../main";
import { filesUnder } from "../support/app";
import { recordFile } from "../support/synth-capture";

test("the example app (main.ts) synthesizes its stacks into the CLI's output folder", () => {
  const outdir = mkdtempSync(path.join(tmpdir(), "trtc-lr-parity-"));
  const before = process.env.CDKTF_OUTDIR;
  process.env.CDKTF_OUTDIR = outdir;
  try {
    synth();
    const written = filesUnder(outdir).map((f) => path.relative(outdir, f).split(path.sep).join("/")).sort();
    expect(written).toEqual(expect.arrayContaining(["manifest.json", "stacks/staging/cdk.tf.json", "stacks/staging/live-recording.json", "stacks/production/cdk.tf.json"]));
    for (const name of written) recordFile(`example-app/${name}`, readFileSync(path.join(outdir, name), "utf8"));
  } finally {
    if (before === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = before;
    rmSync(outdir, { recursive: true, force: true });
  }
});
