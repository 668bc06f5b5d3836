/**
 * TC3-HMAC-SHA256 (Tencent Cloud API 3.0 signature v3), verified the way the service does it.
 *
 * 1. CanonicalRequest = `Method\n/\n<query>\n<CanonicalHeaders>\n<SignedHeaders>\n<hex(SHA256(payload))>`, where
 *    CanonicalHeaders are `name:value\n` lines, in SignedHeaders order, names and values lower-cased and trimmed
 *    (the docs' example signs `x-tc-action:describeinstances`). `host` is the host name without the port (the
 *    Node SDK signs `URL.hostname` but sends `Host: name:port`).
 * 2. StringToSign = `TC3-HMAC-SHA256\n<X-TC-Timestamp>\n<date>/<service>/tc3_request\n<hex(SHA256(CanonicalRequest))>`.
 * 3. kDate = HMAC("TC3"+SecretKey, date); kService = HMAC(kDate, service); kSigning = HMAC(kService, "tc3_request");
 *    Signature = hex(HMAC(kSigning, StringToSign)).
 */
import { createHash, createHmac, timingSafeEqual } from "crypto";

export const TC3_ALGORITHM = "TC3-HMAC-SHA256";
/** Allowed |server time − X-TC-Timestamp| before `AuthFailure.SignatureExpire`. */
export const TC3_MAX_SKEW_SECONDS = 300;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

/** `YYYY-MM-DD` (UTC) of a Unix timestamp in seconds. */
export function tc3Date(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

/** A header name → value map; names are matched case-insensitively. */
export type HeaderMap = Readonly<Record<string, string | readonly string[] | undefined>>;

function headerValue(headers: HeaderMap, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === lower) return Array.isArray(v) ? v.join(",") : (v as string | undefined);
  }
  return undefined;
}

/** Strips the port from a `Host` header value (`[::1]:80` and `name:80` forms). */
export function hostWithoutPort(host: string): string {
  const h = host.trim();
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    return end >= 0 ? h.slice(0, end + 1) : h;
  }
  const colon = h.lastIndexOf(":");
  return colon >= 0 && h.indexOf(":") === colon ? h.slice(0, colon) : h;
}

/** Input of {@link buildCanonicalRequest}. */
export interface CanonicalRequestInput {
  readonly method: string;
  /** Always `/` for API 3.0. */
  readonly path?: string;
  /** The raw query string without `?` (empty for POST). */
  readonly query?: string;
  readonly headers: HeaderMap;
  /** Lower-case header names in signing order, e.g. `["content-type", "host"]`. */
  readonly signedHeaders: readonly string[];
  readonly payload: string | Uint8Array;
}

/** Rebuilds the canonical request from whatever `signedHeaders` lists. Throws when a signed header is absent. */
export function buildCanonicalRequest(input: CanonicalRequestInput): string {
  let canonicalHeaders = "";
  for (const name of input.signedHeaders) {
    const raw = headerValue(input.headers, name);
    if (raw === undefined) throw new Error(`signed header ${name} is not in the request`);
    let value = raw.trim().toLowerCase();
    if (name === "host") value = hostWithoutPort(value);
    canonicalHeaders += `${name}:${value}\n`;
  }
  return [
    input.method.toUpperCase(),
    input.path ?? "/",
    input.query ?? "",
    canonicalHeaders,
    input.signedHeaders.join(";"),
    sha256Hex(input.payload),
  ].join("\n");
}

export function buildStringToSign(timestampSeconds: number, credentialScope: string, canonicalRequest: string): string {
  return `${TC3_ALGORITHM}\n${timestampSeconds}\n${credentialScope}\n${sha256Hex(canonicalRequest)}`;
}

export function tc3Signature(secretKey: string, date: string, service: string, stringToSign: string): string {
  const kDate = hmac(`TC3${secretKey}`, date);
  const kService = hmac(kDate, service);
  const kSigning = hmac(kService, "tc3_request");
  return createHmac("sha256", kSigning).update(stringToSign, "utf8").digest("hex");
}

/** Input of {@link signTc3}: everything needed to sign a request by hand. */
export interface SignTc3Input {
  readonly secretId: string;
  readonly secretKey: string;
  readonly service: string;
  readonly timestampSeconds: number;
  readonly method?: string;
  readonly query?: string;
  readonly headers: HeaderMap;
  /** @default ["content-type", "host"] (what the Node SDK signs) */
  readonly signedHeaders?: readonly string[];
  readonly payload: string | Uint8Array;
}

/** Produces the `Authorization` header value for a request (used by tests and hand-built clients). */
export function signTc3(input: SignTc3Input): string {
  const signedHeaders = input.signedHeaders ?? ["content-type", "host"];
  const date = tc3Date(input.timestampSeconds);
  const scope = `${date}/${input.service}/tc3_request`;
  const canonical = buildCanonicalRequest({
    method: input.method ?? "POST",
    query: input.query,
    headers: input.headers,
    signedHeaders,
    payload: input.payload,
  });
  const signature = tc3Signature(input.secretKey, date, input.service, buildStringToSign(input.timestampSeconds, scope, canonical));
  return `${TC3_ALGORITHM} Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`;
}

/** A parsed `Authorization` header. */
export interface ParsedAuthorization {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Parses `TC3-HMAC-SHA256 Credential=…/date/service/tc3_request, SignedHeaders=…, Signature=…`; undefined when malformed. */
export function parseAuthorization(value: string | undefined): ParsedAuthorization | undefined {
  if (!value) return undefined;
  const m = /^TC3-HMAC-SHA256\s+(.*)$/s.exec(value.trim());
  if (!m) return undefined;
  const parts = new Map<string, string>();
  for (const piece of m[1].split(",")) {
    const eq = piece.indexOf("=");
    if (eq <= 0) return undefined;
    parts.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const credential = parts.get("Credential");
  const signedHeaders = parts.get("SignedHeaders");
  const signature = parts.get("Signature");
  if (!credential || !signedHeaders || !signature) return undefined;
  const scope = credential.split("/");
  if (scope.length !== 4 || scope.some((s) => s.length === 0) || scope[3] !== "tc3_request") return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(scope[1])) return undefined;
  if (!/^[0-9a-f]{64}$/i.test(signature)) return undefined;
  const names = signedHeaders.split(";").map((s) => s.trim());
  if (names.some((n) => !/^[a-z0-9-]+$/.test(n))) return undefined;
  return { secretId: scope[0], date: scope[1], service: scope[2], signedHeaders: names, signature: signature.toLowerCase() };
}

/** Why a request failed verification, as a Tencent error code. */
export type Tc3FailureCode =
  | "AuthFailure.InvalidAuthorization"
  | "AuthFailure.SecretIdNotFound"
  | "AuthFailure.SignatureExpire"
  | "AuthFailure.SignatureFailure"
  | "MissingParameter";

export type Tc3VerifyResult =
  | { readonly ok: true; readonly secretId: string; readonly service: string }
  | { readonly ok: false; readonly code: Tc3FailureCode; readonly message: string };

/** Input of {@link verifyTc3}. */
export interface VerifyTc3Input {
  readonly method: string;
  readonly query?: string;
  readonly headers: HeaderMap;
  readonly payload: Uint8Array;
  /** Returns the SecretKey of a SecretId, or undefined when unknown. */
  readonly secretKeyOf: (secretId: string) => string | undefined;
  /** Server time in milliseconds. */
  readonly nowMs: number;
  /**
   * The service the request is routed to. When the `Host` names one of `knownServices` (`vod.tencentcloudapi.com`),
   * the credential scope must name that service, as the real endpoint requires. When it names none (a loopback
   * address or name), the scope must be this service or what the Node SDK signs for such an endpoint: the text before
   * its first dot (`127` for `127.0.0.1:4780`, `localhost:4780`). Anything else is `AuthFailure.SignatureFailure`.
   */
  readonly expectedService?: string;
  /** The services a `Host` can name (the emulated ones). */
  readonly knownServices?: readonly string[];
}

/** Why the credential scope's service does not fit the request's `Host` and route; undefined when it does. */
function scopeServiceProblem(scopeService: string, host: string, expected: string | undefined, known: readonly string[]): string | undefined {
  const hostService = hostWithoutPort(host).split(".")[0].toLowerCase();
  if (known.includes(hostService)) {
    if (scopeService !== hostService) return `The credential scope service \`${scopeService}\` does not match the service \`${hostService}\` named by the Host.`;
    return expected === undefined || expected === hostService ? undefined : `The Host names \`${hostService}\`, not the requested service \`${expected}\`.`;
  }
  if (expected === undefined) return undefined;
  // The Node SDK signs `endpoint.split(".")[0]`; its endpoint is what it sends as Host (port included).
  const sdkDerived = host.trim().split(".")[0];
  return scopeService === expected || scopeService === sdkDerived
    ? undefined
    : `The credential scope service \`${scopeService}\` is neither the requested service \`${expected}\` nor the first label of the Host.`;
}

/** Verifies a request's TC3-HMAC-SHA256 signature. Never throws. */
export function verifyTc3(input: VerifyTc3Input): Tc3VerifyResult {
  const fail = (code: Tc3FailureCode, message: string): Tc3VerifyResult => ({ ok: false, code, message });
  const auth = parseAuthorization(headerValue(input.headers, "authorization"));
  if (!auth) return fail("AuthFailure.InvalidAuthorization", "Authorization header is missing or not in TC3-HMAC-SHA256 format.");
  if (!auth.signedHeaders.includes("host") || !auth.signedHeaders.includes("content-type")) {
    return fail("AuthFailure.InvalidAuthorization", "SignedHeaders must include content-type and host.");
  }
  const tsRaw = headerValue(input.headers, "x-tc-timestamp");
  if (tsRaw === undefined || tsRaw.trim() === "") return fail("MissingParameter", "The request is missing a required parameter `X-TC-Timestamp`.");
  if (!/^\d{1,12}$/.test(tsRaw.trim())) return fail("AuthFailure.InvalidAuthorization", "X-TC-Timestamp is not a Unix timestamp.");
  const ts = Number(tsRaw.trim());
  if (Math.abs(input.nowMs / 1000 - ts) > TC3_MAX_SKEW_SECONDS) {
    return fail("AuthFailure.SignatureExpire", `Signature expired: X-TC-Timestamp ${ts} is more than ${TC3_MAX_SKEW_SECONDS} s from server time ${Math.floor(input.nowMs / 1000)}.`);
  }
  const secretKey = input.secretKeyOf(auth.secretId);
  if (secretKey === undefined) return fail("AuthFailure.SecretIdNotFound", "The SecretId is not found, please ensure that your SecretId is correct.");
  if (auth.date !== tc3Date(ts)) {
    return fail("AuthFailure.SignatureFailure", "The credential scope date does not match the date of X-TC-Timestamp.");
  }
  const scopeProblem = scopeServiceProblem(auth.service, headerValue(input.headers, "host") ?? "", input.expectedService, input.knownServices ?? []);
  if (scopeProblem) return fail("AuthFailure.SignatureFailure", scopeProblem);
  let canonical: string;
  try {
    canonical = buildCanonicalRequest({
      method: input.method,
      query: input.query,
      headers: input.headers,
      signedHeaders: auth.signedHeaders,
      payload: input.payload,
    });
  } catch {
    return fail("AuthFailure.SignatureFailure", "A header listed in SignedHeaders is missing from the request.");
  }
  const scope = `${auth.date}/${auth.service}/tc3_request`;
  const expected = tc3Signature(secretKey, auth.date, auth.service, buildStringToSign(ts, scope, canonical));
  const a = Buffer.from(expected, "hex");
  const b = Buffer.from(auth.signature, "hex");
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    return fail("AuthFailure.SignatureFailure", "The provided credentials could not be validated. Please check your signature is correct.");
  }
  return { ok: true, secretId: auth.secretId, service: auth.service };
}
