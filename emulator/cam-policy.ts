/**
 * The CAM policy grammar (version "2.0") and its evaluation, as one pure module (facts and sources: docs/cam.md §3).
 *
 * - A document is `{"version":"2.0","statement":[{effect, action, resource, condition?, principal?}]}`; `action` and
 *   `resource` are a string or an array of strings.
 * - Evaluation: denied by default; any matching `deny` → deny; else any matching `allow` → allow; else deny.
 * - An action pattern is `*`, `[name/]<service>:<Action>` with `*` wildcards (`vod:Describe*`, `vod:*`), or a
 *   `permid/<id>` feature set.
 * - A resource pattern is `*` or six segments `qcs:project:service:region:account:resource`; an empty service, region
 *   or account segment means all services, all regions, the policy owner's root account.
 * - An operation-level API (no resource-level authorization) is only matched by a statement whose resources include
 *   `*`: "if the policy syntax restricts a specific resource … CAM … deem[s] it as unauthorized".
 *
 * Our reading where the documentation is silent (also in emulator/README.md): `*` matches any run of characters,
 * anywhere in an action name or in a resource segment, and nothing else is a wildcard; matching is case-sensitive;
 * `permid/` feature sets match nothing (their API lists are not public); a statement with a `condition` is never
 * treated as granting (conditions are not evaluated) but always as denying, so the emulator errs towards refusal.
 */
import { isObject } from "./params";

/** One statement after validation. */
export interface PolicyStatement {
  readonly effect: "allow" | "deny";
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly hasCondition: boolean;
}

/** What a call asks for. */
export interface AccessRequest {
  /** `<service>:<Action>`, e.g. `vod:SearchMedia`. */
  readonly action: string;
  /**
   * The six-segment description of the resource the call acts on, or undefined for an operation-level API (matched
   * only by `resource: *`).
   */
  readonly resource?: string;
  /** UIN of the root account that owns the policies (what an empty account segment means). */
  readonly ownerUin: string;
}

export type PolicyDecision =
  | { readonly effect: "allow"; readonly statement: PolicyStatement }
  | { readonly effect: "deny"; readonly statement: PolicyStatement }
  | { readonly effect: "implicitDeny" };

/** A refused document, with the CAM error code that names what is wrong. */
export interface PolicyDocumentProblem {
  readonly code: string;
  readonly message: string;
}

export type ParsedPolicyDocument = { readonly ok: true; readonly statements: readonly PolicyStatement[] } | ({ readonly ok: false } & PolicyDocumentProblem);

/** Documented limit: "Number of characters in one policy syntax: 4096". */
export const MAX_POLICY_DOCUMENT_CHARS = 4096;

const ACTION_PATTERN = /^(\*|(name\/)?[a-z0-9*][a-z0-9_*-]*:[A-Za-z0-9_*]+|permid\/\d+)$/;
const ACCOUNT_PATTERN = /^(|uin\/\d+|uid\/\d+)$/;

/** A string or a non-empty array of strings, as a list; undefined when the shape is wrong. */
function stringList(v: unknown): string[] | undefined {
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string")) return v as string[];
  return undefined;
}

/** Splits a six-segment description; the resource segment keeps any further colons. Undefined when malformed. */
export function splitResource(description: string): [string, string, string, string, string, string] | undefined {
  const parts = description.split(":");
  if (parts.length < 6) return undefined;
  return [parts[0], parts[1], parts[2], parts[3], parts[4], parts.slice(5).join(":")];
}

/** Validates a policy document the way CreatePolicy/UpdatePolicy refuse one (codes from the CAM error lists). */
export function parsePolicyDocument(text: string): ParsedPolicyDocument {
  const fail = (code: string, message: string): ParsedPolicyDocument => ({ ok: false, code, message });
  if (text.length > MAX_POLICY_DOCUMENT_CHARS) {
    return fail("InvalidParameter.PolicyDocumentLengthOverLimit", `The policy document has ${text.length} characters; at most ${MAX_POLICY_DOCUMENT_CHARS} are allowed.`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail("InvalidParameter.PolicyDocumentError", "The policy document is not valid JSON.");
  }
  if (!isObject(doc)) return fail("InvalidParameter.PolicyDocumentError", "The policy document must be a JSON object.");
  if (doc.version !== "2.0") return fail("InvalidParameter.VersionError", `The policy version must be "2.0", got ${JSON.stringify(doc.version ?? null)}.`);
  const raw = doc.statement;
  if (!Array.isArray(raw) || raw.length === 0) return fail("InvalidParameter.StatementError", "`statement` must be a non-empty array of statements.");
  const statements: PolicyStatement[] = [];
  for (const [i, s] of raw.entries()) {
    if (!isObject(s)) return fail("InvalidParameter.StatementError", `statement[${i}] must be an object.`);
    if (s.effect !== "allow" && s.effect !== "deny") {
      return fail("InvalidParameter.EffectError", `statement[${i}].effect must be "allow" or "deny", got ${JSON.stringify(s.effect ?? null)}.`);
    }
    const actions = stringList(s.action);
    if (!actions) return fail("InvalidParameter.ActionError", `statement[${i}].action must be a string or a non-empty array of strings.`);
    const badAction = actions.find((a) => !ACTION_PATTERN.test(a));
    if (badAction !== undefined) {
      return fail("InvalidParameter.ActionError", `statement[${i}].action ${JSON.stringify(badAction)} is not "*", "<service>:<Action>", "name/<service>:<Action>" or "permid/<id>".`);
    }
    const resources = stringList(s.resource);
    if (!resources) return fail("InvalidParameter.ResourceError", `statement[${i}].resource must be a string or a non-empty array of strings.`);
    for (const r of resources) {
      if (r === "*") continue;
      const seg = splitResource(r);
      if (!seg || seg[0] !== "qcs" || seg[5] === "") {
        return fail("InvalidParameter.ResourceQcsError", `statement[${i}].resource ${JSON.stringify(r)} is not "*" or qcs:project_id:service_type:region:account:resource.`);
      }
      if (!ACCOUNT_PATTERN.test(seg[4])) {
        return fail("InvalidParameter.ResourceUinError", `statement[${i}].resource ${JSON.stringify(r)}: the account segment must be empty, uin/<uin> or uid/<appid>.`);
      }
    }
    const condition = s.condition;
    if (condition !== undefined && !(isObject(condition) && Object.values(condition).every(isObject))) {
      return fail("InvalidParameter.ConditionError", `statement[${i}].condition must map operators to {key: value} objects.`);
    }
    statements.push({ effect: s.effect, actions, resources, hasCondition: condition !== undefined });
  }
  return { ok: true, statements };
}

/** `*` matches any run of characters; everything else is literal; case-sensitive. */
export function globMatch(pattern: string, value: string): boolean {
  if (!pattern.includes("*")) return pattern === value;
  const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, "\\$&")).join(".*")}$`, "s");
  return re.test(value);
}

/** Whether an action pattern covers `<service>:<Action>`. */
export function actionMatches(pattern: string, action: string): boolean {
  if (pattern === "*") return true;
  if (pattern.startsWith("permid/")) return false;
  return globMatch(pattern.startsWith("name/") ? pattern.slice("name/".length) : pattern, action);
}

/** Whether a resource pattern covers a request's resource (undefined = operation-level API: only `*` covers it). */
export function resourceMatches(pattern: string, resource: string | undefined, ownerUin: string): boolean {
  if (pattern === "*") return true;
  if (resource === undefined) return false;
  const p = splitResource(pattern);
  const r = splitResource(resource);
  if (!p || !r || p[0] !== "qcs" || r[0] !== "qcs") return false;
  const segment = (pat: string, value: string, emptyMeans: string | undefined): boolean =>
    pat === "" ? emptyMeans === undefined || value === "" || value === emptyMeans : globMatch(pat, value);
  return (
    // project_id: legacy, ignored.
    segment(p[2], r[2], undefined) && // service: empty = all
    segment(p[3], r[3], undefined) && // region: empty = all
    segment(p[4], r[4] === "" ? `uin/${ownerUin}` : r[4], `uin/${ownerUin}`) && // account: empty = the owner
    globMatch(p[5], r[5])
  );
}

function statementApplies(s: PolicyStatement, req: AccessRequest): boolean {
  return s.actions.some((a) => actionMatches(a, req.action)) && s.resources.some((r) => resourceMatches(r, req.resource, req.ownerUin));
}

/** CAM's evaluation over every statement of every policy attached to the caller. */
export function evaluatePolicies(statements: readonly PolicyStatement[], req: AccessRequest): PolicyDecision {
  // A condition is not evaluated: it can only make a deny apply and never makes an allow apply (our reading).
  const deny = statements.find((s) => s.effect === "deny" && statementApplies(s, req));
  if (deny) return { effect: "deny", statement: deny };
  const allow = statements.find((s) => s.effect === "allow" && !s.hasCondition && statementApplies(s, req));
  if (allow) return { effect: "allow", statement: allow };
  return { effect: "implicitDeny" };
}
