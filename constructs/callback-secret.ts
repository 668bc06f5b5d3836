import { Construct } from "constructs";
import { TerraformStack, TerraformVariable } from "../lib/cdktf";
import { fail, validateCall } from "../lib/validation";

/** Where a callback signing key comes from, as written to the desired state (never the key itself). */
export type SecretSource =
  | { readonly source: "environment"; readonly variable: string }
  | { readonly source: "terraform-variable"; readonly variable: string; readonly environment: string };

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkName(property: string, value: unknown, what: string): void {
  if (typeof value !== "string" || !ENV_NAME.test(value)) fail(property, `${what} (letters, digits, _; not starting with a digit)`, value);
}

/**
 * A callback signing key (VOD `SignKey`, TRTC callback key, Live webhook token), referenced, never held.
 *
 * The key is read at deploy time by the post-deploy step, from an environment variable or from a sensitive
 * Terraform variable. Either way only its name reaches the synthesized configuration, outputs and logs.
 */
export abstract class CallbackSecret {
  /** Read from the environment variable `variable` when the post-deploy step runs. */
  public static fromEnvironment(variable: string): CallbackSecret {
    validateCall("CallbackSecret.fromEnvironment", () => checkName("variable", variable, "an environment variable name"));
    return new EnvironmentSecret(variable);
  }

  /**
   * A sensitive Terraform variable `variable` (set it with `TF_VAR_<variable>` or a .tfvars file). The stack declares it
   * (`sensitive = true`); the post-deploy step reads `TF_VAR_<variable>`, which the optional post-deploy hook passes on.
   */
  public static fromTerraformVariable(variable: string): CallbackSecret {
    validateCall("CallbackSecret.fromTerraformVariable", () => checkName("variable", variable, "a Terraform variable name"));
    return new TerraformVariableSecret(variable);
  }

  /** Declares whatever the secret needs in `scope`'s stack and returns its desired-state description. */
  public abstract bind(scope: Construct): SecretSource;
}

class EnvironmentSecret extends CallbackSecret {
  constructor(private readonly variable: string) {
    super();
  }
  public bind(): SecretSource {
    return { source: "environment", variable: this.variable };
  }
}

class TerraformVariableSecret extends CallbackSecret {
  constructor(private readonly variable: string) {
    super();
  }
  public bind(scope: Construct): SecretSource {
    const stack = TerraformStack.of(scope);
    // Several callbacks may share one key: declare the variable once per stack. Another kind of construct of that
    // name (an output `region`, say) would leave the variable undeclared and the key unset at deploy.
    const existing = stack.node.tryFindChild(this.variable);
    if (existing !== undefined && !(existing instanceof TerraformVariable)) {
      fail("variable", `a Terraform variable name that no other construct of stack ${stack.node.path} has (${existing.node.path} exists)`, this.variable);
    }
    if (existing === undefined) {
      const declared = new TerraformVariable(stack, this.variable, {
        type: "string",
        sensitive: true,
        nullable: false,
        description: "Callback signing key, applied by the post-deploy step (never stored in this configuration).",
      });
      // Users set it as TF_VAR_<name>, so the Terraform name must be exactly the one they gave.
      declared.overrideLogicalId(this.variable);
    }
    return { source: "terraform-variable", variable: this.variable, environment: `TF_VAR_${this.variable}` };
  }
}
