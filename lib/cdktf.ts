/**
 * The one place this package imports CDK for Terraform from.
 *
 * CDK Terrain (`cdktn`), the maintained fork of cdktf, exports the same API; it needs Node 22. Moving to it is a
 * change to the module name below (and to package.json), nothing else.
 */
export {
  App,
  Annotations,
  Aspects,
  CosBackend,
  /** `terraform_data` (Terraform 1.4+), e.g. to run a provisioner when a value changes. */
  DataResource as TerraformDataResource,
  Fn,
  LocalBackend,
  Lazy,
  TerraformElement,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Testing,
  Token,
} from "cdktf";
export type { CosBackendConfig, IAspect, LocalBackendConfig, LocalExecProvisioner, TerraformVariableConfig } from "cdktf";
export type { ISynthesisSession, IStackSynthesizer } from "cdktf";
