import { Construct } from "constructs";
import { VodSubApplication } from "../.gen/providers/tencentcloud/vod-sub-application";
import { Fn, Token } from "../lib/cdktf";
import {
  TAG_CHARACTERS,
  TAG_KEY_MAX_LENGTH,
  TAG_RESERVED_KEY_PREFIXES,
  TAG_VALUE_MAX_LENGTH,
  VOD_APP_DESCRIPTION_MAX_LENGTH,
  VOD_APP_MAX_TAGS,
  VOD_APP_NAME_MAX_LENGTH,
  VOD_APP_NAME_PATTERN,
} from "../lib/limits";
import { checkBoolean, checkInteger, checkKnownKeys, checkObject, checkString, fail, isPlainObject, isUnresolved, keysOf, validateAt, validateAtPath, validateCall } from "../lib/validation";

/** The keys of the props (a prop added to an interface without its key here fails to compile: `keysOf`). */
export const VOD_APPLICATION_PROP_KEYS = keysOf<VodApplicationProps>()({ name: true, description: true, tags: true, enabled: true });

/** A VOD sub-application that recordings can be stored in. */
export interface IVodApplication {
  /** The sub-application's name. May be a token. */
  readonly vodApplicationName: string;
  /** The numeric `SubAppId`. A token when the application is created in the same deployment. */
  readonly subAppId: number;
  /** Whether this package creates (and Terraform manages) the application. */
  readonly managed: boolean;
}

export interface VodApplicationProps {
  /** Name of the sub-application: 1 to 40 letters, digits, `_` or `-`. */
  readonly name: string;
  /**
   * What the application is for, shown in the VOD console. At most 300 characters. Set by Terraform
   * (`description` of `tencentcloud_vod_sub_application`); the post-deploy step only reports drift.
   * Provider 1.82.101 never sends an empty description, so removing it later leaves the old text in VOD.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Tags bound to the application (at most 10), e.g. to find it again or to allocate costs.
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Whether the application is enabled (status `On`). A disabled application (`Off`) has its domains blocked and
   * cannot receive recordings.
   * @default true
   */
  readonly enabled?: boolean;
}

/**
 * A VOD sub-application that receives Live recordings (`tencentcloud_vod_sub_application`).
 *
 * Live recording stores only to VOD, and recording cannot be enabled until a VOD application is chosen in the
 * console's Room Recording settings. Terraform owns its name, description, status and tags. Destroying this
 * resource sets the application `Off`, then `Destroyed`: its media go with it.
 */
export class VodApplication extends Construct implements IVodApplication {
  /** Refers to an existing sub-application that this package does not manage. */
  public static fromSubAppId(scope: Construct, id: string, subAppId: number, name?: string): IVodApplication {
    if (!(scope instanceof Construct)) validateCall("VodApplication.fromSubAppId", () => fail("scope", "a construct (the scope of the imported application)", scope));
    // Errors name the path the imported application would have.
    validateAtPath(`${scope.node.path === "" ? "" : `${scope.node.path}/`}${String(id)}`, () => {
      checkString("id", id, { min: 1, max: 255, pattern: /^[^/]+$/, patternText: "a construct id without /" });
      checkInteger("subAppId", subAppId, 1, Number.MAX_SAFE_INTEGER);
      if (name !== undefined) checkName(name);
    });
    class Imported extends Construct implements IVodApplication {
      public readonly vodApplicationName = name ?? String(subAppId);
      public readonly subAppId = subAppId;
      public readonly managed = false;
    }
    return new Imported(scope, id);
  }

  public readonly vodApplicationName: string;
  public readonly subAppId: number;
  public readonly managed = true;
  public readonly enabled: boolean;
  public readonly description?: string;
  public readonly tags: Readonly<Record<string, string>>;
  /** The underlying Terraform resource, for what this construct does not expose. */
  public readonly resource: VodSubApplication;

  /** The resource's Terraform address (`tencentcloud_vod_sub_application.<name>`), for `terraform state` commands. */
  public get resourceAddress(): string {
    return `${this.resource.terraformResourceType}.${this.resource.friendlyUniqueId}`;
  }

  constructor(scope: Construct, id: string, props: VodApplicationProps) {
    super(scope, id);
    validateAt(this, () => {
      checkObject("props", props, "a VodApplicationProps object");
      checkKnownKeys(props, VOD_APPLICATION_PROP_KEYS, "VodApplicationProps");
      checkName(props.name);
      if (props.description !== undefined) {
        checkString("description", props.description, { max: VOD_APP_DESCRIPTION_MAX_LENGTH });
      }
      if (props.enabled !== undefined) checkBoolean("enabled", props.enabled);
      checkTags(props.tags);
    });

    this.enabled = props.enabled ?? true;
    this.description = props.description;
    this.tags = { ...(props.tags ?? {}) };
    this.resource = new VodSubApplication(this, "Resource", {
      name: props.name,
      status: this.enabled ? "On" : "Off",
      description: props.description,
      tags: props.tags && Object.keys(props.tags).length > 0 ? { ...props.tags } : undefined,
    });
    this.vodApplicationName = props.name;
    // Provider 1.82 has no `sub_app_id` attribute; the resource id is `name#subAppId` on every version.
    this.subAppId = Token.asNumber(Fn.tonumber(Fn.element(Fn.split("#", this.resource.id), 1)));
  }
}

function checkName(name: unknown): void {
  checkString("name", name, {
    min: 1,
    max: VOD_APP_NAME_MAX_LENGTH,
    pattern: VOD_APP_NAME_PATTERN,
    patternText: "letters, digits, _ or -",
  });
}

/**
 * Tags as Tencent Cloud's Tag service allows them (lib/limits.ts: lengths, characters, reserved prefixes), at most 10.
 * A Map is refused rather than read as no tags.
 */
function checkTags(tags: unknown): void {
  if (tags === undefined) return;
  if (!isPlainObject(tags)) fail("tags", "a record of tag keys to string values (an object literal)", tags);
  const entries = Object.entries(tags);
  if (entries.length > VOD_APP_MAX_TAGS) {
    fail("tags", `at most ${VOD_APP_MAX_TAGS} tags`, entries.length, `keys ${entries.map(([k]) => k).join(", ")}`);
  }
  const characters = "letters, digits, spaces (not first or last) and + - = . _ : / @ ( ) [ ] , ; > <";
  const reserved = TAG_RESERVED_KEY_PREFIXES.map((p) => `"${p}"`).join(", ");
  for (const [key, value] of entries) {
    const chars = [...key].length;
    if (chars < 1 || chars > TAG_KEY_MAX_LENGTH || !TAG_CHARACTERS.test(key) || key !== key.trim()) {
      fail("tags", `a record whose keys are 1 to ${TAG_KEY_MAX_LENGTH} characters of ${characters}`, key);
    }
    if (TAG_RESERVED_KEY_PREFIXES.some((p) => key.startsWith(p))) fail("tags", `a record whose keys do not start with ${reserved} (reserved by Tencent Cloud)`, key);
    if (isUnresolved(value)) continue;
    const allowed = `a string of 1 to ${TAG_VALUE_MAX_LENGTH} characters of ${characters}`;
    if (typeof value !== "string") fail(`tags.${key}`, allowed, value);
    const length = [...value].length;
    if (length < 1 || length > TAG_VALUE_MAX_LENGTH || !TAG_CHARACTERS.test(value) || value !== value.trim()) fail(`tags.${key}`, allowed, value);
  }
}
