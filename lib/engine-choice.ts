// No imports: this decides which engine module the seam (lib/cdk-engine.js) loads, before anything of the engine is.

/**
 * The CDK engines this package runs on. Both implement cdktf's API: `cdktf` (CDK for Terraform, archived by its
 * maintainers in December 2025) and `cdktn` (CDK Terrain, its maintained fork).
 */
export const ENGINES = ["cdktf", "cdktn"] as const;
export type EngineName = (typeof ENGINES)[number];

/** The environment variable that names the engine explicitly, overriding the detection. */
export const ENGINE_VARIABLE = "TRTC_LIVE_RECORDING_CDK_ENGINE";

/** The engine the seam loaded, and why that one. */
export interface EngineChoice {
  readonly name: EngineName;
  /** Where the engine's entry point was found. */
  readonly path: string;
  readonly reason: "override" | "already-loaded" | "only-installed" | "default";
}

/** How the seam looks at its surroundings (injected, so the rules are tested without installing engines). */
export interface EngineSurroundings {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Node's `require.resolve`, from where the package's code lives: the entry point's path, or throws. */
  readonly resolve: (id: string) => string;
  /** Whether this process already loaded the module at a path (`require.cache`). */
  readonly isLoaded: (path: string) => boolean;
}

/**
 * Which engine to load. One per process: both engines keep their token map in the same global and their objects
 * carry the same symbols, so constructs of one engine in a tree of the other are not reliably refused, and the
 * package must run on the engine of the app that uses it. In order:
 * 1. `TRTC_LIVE_RECORDING_CDK_ENGINE` (`cdktf` or `cdktn`) when set;
 * 2. the engine this process already loaded (the app imported it before this package), when exactly one is;
 * 3. the engine that is installed, when exactly one is;
 * 4. `cdktf` when both are (the default engine of this package's tests; set the variable to choose).
 */
export function chooseEngine(surroundings: EngineSurroundings): EngineChoice {
  const { env, resolve, isLoaded } = surroundings;
  const installed = new Map<EngineName, string>();
  for (const name of ENGINES) {
    const found = tryResolve(resolve, name);
    if (found !== undefined) installed.set(name, found);
  }

  const override = env[ENGINE_VARIABLE];
  if (override !== undefined && override !== "") {
    if (!(ENGINES as readonly string[]).includes(override)) {
      throw new Error(`${ENGINE_VARIABLE} must be one of ${ENGINES.map((e) => `"${e}"`).join(", ")}, got "${override}"`);
    }
    const name = override as EngineName;
    const found = installed.get(name);
    if (found === undefined) throw new Error(`${ENGINE_VARIABLE}=${name}, but ${name} is not installed where trtc-live-recording can load it: ${INSTALL_HINT}`);
    return { name, path: found, reason: "override" };
  }

  if (installed.size === 0) throw new Error(`trtc-live-recording needs a CDK engine and found none: ${INSTALL_HINT}`);
  const loaded = [...installed].filter(([, found]) => isLoaded(found));
  if (loaded.length === 1) return { name: loaded[0][0], path: loaded[0][1], reason: "already-loaded" };
  if (installed.size === 1) {
    const [[name, found]] = [...installed];
    return { name, path: found, reason: "only-installed" };
  }
  return { name: "cdktf", path: installed.get("cdktf") as string, reason: "default" };
}

const INSTALL_HINT = `install cdktf (^0.21.0) or cdktn (^0.24.0), with constructs, in the app (they are peer dependencies)`;

function tryResolve(resolve: EngineSurroundings["resolve"], id: string): string | undefined {
  try {
    return resolve(id);
  } catch {
    return undefined;
  }
}

let current: EngineChoice | undefined;

/** Records the seam's choice (called once, by lib/cdk-engine.js). */
export function recordEngineChoice(choice: EngineChoice): void {
  current = choice;
}

/** The engine this process runs on, once the seam has loaded it; undefined before. */
export function currentEngine(): EngineChoice | undefined {
  return current;
}
