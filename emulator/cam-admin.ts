/**
 * The CAM part of the admin interface: what a person does in the CAM console (create a sub-user with an API key,
 * create a role) and the emulator's CAM enforcement switch. Never reachable through the emulated CAM API.
 *
 * In process: `emulator.cam` ({@link CamAdmin}). Over HTTP: `/_admin/cam/…` ({@link CAM_ADMIN_ROUTES},
 * {@link CamAdminClient}).
 */
import { randomBytes } from "crypto";
import * as http from "http";
import { z } from "zod";
import { secretFingerprint } from "../lib/fingerprint";
import { AdminError } from "./admin";
import type { AdminHttpResult } from "./admin";
import { DEFAULT_OWNER_UIN } from "./cam-access";
import { camTime } from "./cam";
import type { EmulatorCore } from "./core";
import type { CamRoleRecord, CamUserRecord } from "./state";

/** A sub-user to create. */
export interface CreateCamUserInput {
  /** Unique user name (GetUser looks it up). Letters, digits and `+=,.@_-`, at most 64 (emulator check). */
  readonly name: string;
  /** @default "" */
  readonly remark?: string;
}

/** A sub-user as the admin interface lists it: the SecretKey only as a fingerprint. */
export interface CamUserSummary {
  readonly uin: number;
  readonly uid: number;
  readonly name: string;
  readonly remark: string;
  readonly secretId: string;
  readonly secretKeyFingerprint: string;
}

/** A created sub-user, with its API key (shown once, like the console's download). Test values, not real secrets. */
export interface CreatedCamUser extends CamUserSummary {
  readonly secretKey: string;
}

/** A role to create. */
export interface CreateCamRoleInput {
  /** Unique role name. Letters, digits and `+=,.@_-`, at most 128 (emulator check). */
  readonly name: string;
  /** @default "" */
  readonly description?: string;
  /** The trust policy. @default - the root account may assume the role */
  readonly policyDocument?: string;
}

export interface CamRoleSummary {
  readonly roleId: string;
  readonly roleName: string;
  readonly description: string;
}

const NAME = /^[A-Za-z0-9+=,.@_-]+$/;
const userSchema = z.object({ name: z.string().min(1).max(64).regex(NAME, "letters, digits and +=,.@_- only"), remark: z.string().max(256).optional() }).strict();
const roleSchema = z
  .object({
    name: z.string().min(1).max(128).regex(NAME, "letters, digits and +=,.@_- only"),
    description: z.string().max(300).optional(),
    policyDocument: z.string().min(1).optional(),
  })
  .strict();

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AdminError(r.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; "));
  return r.data;
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomToken(length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("");
}

function userSummary(u: CamUserRecord): CamUserSummary {
  return { uin: u.Uin, uid: u.Uid, name: u.Name, remark: u.Remark, secretId: u.secretId, secretKeyFingerprint: secretFingerprint(u.secretKey) };
}

function roleSummary(r: CamRoleRecord): CamRoleSummary {
  return { roleId: r.RoleId, roleName: r.RoleName, description: r.Description };
}

/** The operations, shared by the in-process object and the HTTP client. */
export interface CamAdminApi {
  createUser(input: CreateCamUserInput): Promise<CreatedCamUser>;
  listUsers(): Promise<CamUserSummary[]>;
  createRole(input: CreateCamRoleInput): Promise<CamRoleSummary>;
  listRoles(): Promise<CamRoleSummary[]>;
  /** Turns CAM enforcement on or off (the `camEnforcement` option sets the start value). */
  setEnforcement(enabled: boolean): Promise<{ readonly enabled: boolean }>;
  getEnforcement(): Promise<{ readonly enabled: boolean }>;
}

export class CamAdmin implements CamAdminApi {
  constructor(private readonly core: EmulatorCore) {}

  async createUser(input: CreateCamUserInput): Promise<CreatedCamUser> {
    const a = parse(userSchema, input);
    const cam = this.core.state.cam;
    if (Object.values(cam.users).some((u) => u.Name === a.name)) throw new AdminError(`a CAM user named ${a.name} already exists`);
    const user: CamUserRecord = {
      Uin: cam.counters.nextUin++,
      Uid: cam.counters.nextUid++,
      Name: a.name,
      Remark: a.remark ?? "",
      ConsoleLogin: 0,
      CreateTime: camTime(this.core.ctx.now()),
      secretId: `AKID${randomToken(32)}`,
      secretKey: randomToken(32),
    };
    cam.users[String(user.Uin)] = user;
    this.core.ctx.persist();
    this.core.log(`cam user ${user.Name} created (uin ${user.Uin})`);
    return { ...userSummary(user), secretKey: user.secretKey };
  }

  async listUsers(): Promise<CamUserSummary[]> {
    return Object.values(this.core.state.cam.users)
      .sort((a, b) => a.Uin - b.Uin)
      .map(userSummary);
  }

  async createRole(input: CreateCamRoleInput): Promise<CamRoleSummary> {
    const a = parse(roleSchema, input);
    const cam = this.core.state.cam;
    if (Object.values(cam.roles).some((r) => r.RoleName === a.name)) throw new AdminError(`a CAM role named ${a.name} already exists`);
    const roleId = cam.counters.nextRoleId;
    cam.counters.nextRoleId = String(BigInt(roleId) + 1n);
    const now = camTime(this.core.ctx.now());
    const trust = a.policyDocument ?? JSON.stringify({ version: "2.0", statement: [{ action: "name/sts:AssumeRole", effect: "allow", principal: { qcs: [`qcs::cam::uin/${DEFAULT_OWNER_UIN}:root`] } }] });
    const role: CamRoleRecord = { RoleId: roleId, RoleName: a.name, Description: a.description ?? "", PolicyDocument: trust, AddTime: now, UpdateTime: now };
    cam.roles[roleId] = role;
    this.core.ctx.persist();
    return roleSummary(role);
  }

  async listRoles(): Promise<CamRoleSummary[]> {
    return Object.values(this.core.state.cam.roles).map(roleSummary);
  }

  async setEnforcement(enabled: boolean): Promise<{ readonly enabled: boolean }> {
    if (typeof enabled !== "boolean") throw new AdminError("enabled must be a boolean");
    this.core.camEnforcement = enabled;
    this.core.log(`cam enforcement ${enabled ? "on" : "off"}`);
    return { enabled };
  }

  async getEnforcement(): Promise<{ readonly enabled: boolean }> {
    return { enabled: this.core.camEnforcement };
  }
}

/** The CAM admin HTTP routes (JSON; errors `{"error"}` with 400 or 404). */
export const CAM_ADMIN_ROUTES = [
  "GET    /_admin/cam/users",
  "POST   /_admin/cam/users                 {name, remark?} -> {uin, uid, name, secretId, secretKey, …}",
  "GET    /_admin/cam/roles",
  "POST   /_admin/cam/roles                 {name, description?, policyDocument?} -> {roleId, roleName, description}",
  "GET    /_admin/cam/enforcement",
  "PUT    /_admin/cam/enforcement           {enabled}",
] as const;

/** Whether a path belongs to the CAM admin routes. */
export function isCamAdminPath(pathname: string): boolean {
  return pathname === "/_admin/cam" || pathname.startsWith("/_admin/cam/");
}

/** Routes one CAM admin HTTP request. */
export async function handleCamAdminRequest(admin: CamAdmin, method: string, url: URL, body: unknown): Promise<AdminHttpResult> {
  const route = `${method} ${url.pathname.replace(/^\/_admin\/cam\/?/, "").replace(/\/$/, "")}`;
  const ok = (b: unknown): AdminHttpResult => ({ status: 200, body: b });
  try {
    switch (route) {
      case "GET users":
        return ok(await admin.listUsers());
      case "POST users":
        return ok(await admin.createUser(body as CreateCamUserInput));
      case "GET roles":
        return ok(await admin.listRoles());
      case "POST roles":
        return ok(await admin.createRole(body as CreateCamRoleInput));
      case "GET enforcement":
        return ok(await admin.getEnforcement());
      case "PUT enforcement":
        return ok(await admin.setEnforcement((body as { enabled?: unknown } | undefined)?.enabled as boolean));
      default:
        return { status: 404, body: { error: `no admin route ${method} ${url.pathname}`, routes: CAM_ADMIN_ROUTES } };
    }
  } catch (e) {
    if (e instanceof AdminError) return { status: e.status, body: { error: e.message } };
    throw e;
  }
}

/** The CAM admin operations over HTTP (for an emulator started with `npm run emulator`). */
export class CamAdminClient implements CamAdminApi {
  private readonly base: URL;
  private readonly agent = new http.Agent({ keepAlive: true });

  /** @param baseUrl the emulator's URL, e.g. `http://127.0.0.1:4780`. */
  constructor(baseUrl: string) {
    this.base = new URL(baseUrl);
    if (this.base.protocol !== "http:") throw new Error(`CamAdminClient: only http:// URLs are supported, got ${baseUrl}`);
  }

  close(): void {
    this.agent.destroy();
  }

  private request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<T>((resolve, reject) => {
      const req = http.request(
        new URL(`/_admin/cam/${path}`, this.base),
        { method, agent: this.agent, headers: text === undefined ? {} : { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            let parsed: unknown;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
            } catch {
              reject(new Error(`admin ${method} cam/${path}: response is not JSON`));
              return;
            }
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve(parsed as T);
            else reject(new Error(`admin ${method} cam/${path}: ${(parsed as { error?: string }).error ?? `HTTP ${status}`}`));
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(text);
    });
  }

  createUser(input: CreateCamUserInput): Promise<CreatedCamUser> {
    return this.request("POST", "users", input);
  }
  listUsers(): Promise<CamUserSummary[]> {
    return this.request("GET", "users");
  }
  createRole(input: CreateCamRoleInput): Promise<CamRoleSummary> {
    return this.request("POST", "roles", input);
  }
  listRoles(): Promise<CamRoleSummary[]> {
    return this.request("GET", "roles");
  }
  setEnforcement(enabled: boolean): Promise<{ readonly enabled: boolean }> {
    return this.request("PUT", "enforcement", { enabled });
  }
  getEnforcement(): Promise<{ readonly enabled: boolean }> {
    return this.request("GET", "enforcement");
  }
}
