/**
 * Operators' attestations for console-only settings: "I made the console match the desired state with hash H".
 * `post-deploy attest` writes one; `check` fails when the declared state changed after the last attestation.
 * The file (default `post-deploy.attestations.json`) holds no secret and is meant to be committed, so CI can check it.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from "fs";
import * as path from "path";
import { z } from "zod";
import { DocumentError, readDocumentFile, zodProblems } from "../lib/documents";

const consoleStateSchema = z.object({
  sdkAppId: z.number().int().positive(),
  globalAutoRecording: z.object({ enabled: z.boolean(), vodSubAppId: z.number().optional(), storageSeconds: z.number().optional() }),
  liveRoomRecording: z.object({ vodSubAppId: z.number().optional(), saveDurationSeconds: z.number().optional(), fullRoomRecording: z.boolean() }),
  trtcCallbacks: z.object({ roomCallbackUrl: z.string().optional(), recordingCallbackUrl: z.string().optional(), callbackKeyFingerprint: z.string().optional() }),
});

const attestationSchema = z.object({
  sdkAppId: z.number().int().positive(),
  environment: z.string(),
  /** Hash of the desired console state the operator confirmed. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  attestedBy: z.string().min(1),
  attestedAt: z.string(),
  note: z.string().optional(),
  /** The console settings as the operator confirmed them. */
  console: consoleStateSchema,
});

const fileSchema = z.object({ version: z.literal(1), attestations: z.array(attestationSchema) });

export type Attestation = z.infer<typeof attestationSchema>;

export class AttestationStore {
  private attestations: Attestation[];

  constructor(public readonly file: string) {
    this.attestations = existsSync(file) ? AttestationStore.read(file) : [];
  }

  /** A file that cannot be used is a `DocumentFileError` whose reason is one line. */
  private static read(file: string): Attestation[] {
    return readDocumentFile(file, (json, source) => {
      const parsed = fileSchema.safeParse(json);
      if (!parsed.success) throw new DocumentError(source, "is not an attestations file (version 1)", zodProblems(parsed.error.issues));
      return parsed.data.attestations;
    });
  }

  public latest(sdkAppId: number): Attestation | undefined {
    return this.attestations.filter((a) => a.sdkAppId === sdkAppId).sort((a, b) => b.attestedAt.localeCompare(a.attestedAt))[0];
  }

  public add(attestation: Attestation): void {
    const checked = attestationSchema.parse(attestation);
    // Keep only the newest attestation per app: the file is a statement of the current console, not a log.
    this.attestations = [...this.attestations.filter((a) => a.sdkAppId !== checked.sdkAppId), checked].sort((a, b) => a.sdkAppId - b.sdkAppId);
    mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, attestations: this.attestations }, null, 2) + "\n");
    renameSync(tmp, this.file);
  }
}

