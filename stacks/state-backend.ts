import { Construct } from "constructs";
import { CosBackend, LocalBackend } from "../lib/cdktf";
import { checkBoolean, checkKnownKeys, checkObject, checkRegion, checkString, keysOf, validateCall } from "../lib/validation";

/** Options of the Tencent Cloud COS backend (credentials come from the standard environment, never from here). */
export interface CosStateBackendOptions {
  /** Bucket name with its APPID suffix, e.g. `tfstate-1250000000`. */
  readonly bucket: string;
  /** Region of the bucket. */
  readonly region: string;
  /** Folder of the state in the bucket. @default - "env:" workspace layout of the backend */
  readonly prefix?: string;
  /** State file name. @default "terraform.tfstate" */
  readonly key?: string;
  /** Encrypt the state at rest. @default true */
  readonly encrypt?: boolean;
}

const COS_OPTION_KEYS = keysOf<CosStateBackendOptions>()({ bucket: true, region: true, prefix: true, key: true, encrypt: true });

/** Where Terraform keeps a stack's state. */
export abstract class StateBackend {
  /**
   * A local file (the default). Without `path`: `terraform.<stack>.tfstate` in the project folder, written as a path
   * relative to the stack's working directory (cdktf.out/stacks/<stack>), so the synthesized configuration holds no
   * machine-specific path.
   */
  public static local(path?: string): StateBackend {
    validateCall("StateBackend.local", () => {
      if (path !== undefined) checkString("path", path, { min: 1, max: 4096 });
    });
    return new LocalStateBackend(path);
  }

  /** Tencent Cloud Object Storage, for teams (state shared and locked). */
  public static cos(options: CosStateBackendOptions): StateBackend {
    validateCall("StateBackend.cos", () => {
      checkObject("options", options, "a CosStateBackendOptions object");
      checkKnownKeys(options, COS_OPTION_KEYS, "CosStateBackendOptions", "options.");
      checkString("options.bucket", options.bucket, { min: 1, max: 63, pattern: /^[a-z0-9][a-z0-9-]*-\d+$/, patternText: "lowercase letters, digits and - ending in -<APPID>" });
      checkRegion("options.region", options.region);
      if (options.prefix !== undefined) checkString("options.prefix", options.prefix, { min: 1, max: 255 });
      if (options.key !== undefined) checkString("options.key", options.key, { min: 1, max: 255 });
      if (options.encrypt !== undefined) checkBoolean("options.encrypt", options.encrypt);
    });
    return new CosStateBackend({ ...options });
  }

  /** Declares the backend in `stack`. */
  public abstract bind(stack: Construct): void;
  /** A short description, for summaries. */
  public abstract describe(): string;
}

class LocalStateBackend extends StateBackend {
  constructor(private readonly path?: string) {
    super();
  }
  public bind(stack: Construct): void {
    new LocalBackend(stack, { path: this.path ?? `../../../terraform.${stack.node.id}.tfstate` });
  }
  public describe(): string {
    return this.path !== undefined ? `local file ${this.path}` : "local file";
  }
}

class CosStateBackend extends StateBackend {
  constructor(private readonly options: CosStateBackendOptions) {
    super();
  }
  public bind(stack: Construct): void {
    new CosBackend(stack, {
      bucket: this.options.bucket,
      region: this.options.region,
      prefix: this.options.prefix,
      key: this.options.key,
      encrypt: this.options.encrypt ?? true,
    });
  }
  public describe(): string {
    return `COS bucket ${this.options.bucket} (${this.options.region})`;
  }
}
