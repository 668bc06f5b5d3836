/**
 * VOD (vod, 2018-07-17): sub-applications, event configuration and the media that recordings create.
 * Field names, limits and error codes from the SDK models (vod_models.d.ts) and the reference §1; the error code
 * per case follows the Go SDK's per-action error lists where the reference names none.
 */
import type { ActionHandler, EmulatorContext } from "./context";
import { CloudApiError } from "./errors";
import { JsonObject, NEVER_EXPIRES, Params, isoSeconds, parseIsoTime } from "./params";
import type { EventConfigRecord, MediaRecord, SubAppRecord } from "./state";

export const VOD_VERSION = "2018-07-17";

/** Values of `MediaSourceData.SourceType`. */
export const SOURCE_TYPES = ["Record", "Upload", "VideoProcessing", "TrtcRecord", "WebPageRecord", "Unknown"] as const;

/** Default storage region of a new application (not documented; the emulator's choice). */
export const DEFAULT_STORAGE_REGION = "ap-guangzhou";

const PRIMARY = "primary";

/** The `Destroying` → `Destroyed` transition happens on the emulator clock. */
function refresh(ctx: EmulatorContext, app: SubAppRecord): SubAppRecord {
  if (app.Status === "Destroying" && app.destroyedAtMs !== undefined && ctx.now() >= app.destroyedAtMs) {
    app.Status = "Destroyed";
    delete app.destroyedAtMs;
    ctx.persist();
  }
  return app;
}

function subAppOrThrow(ctx: EmulatorContext, subAppId: number): SubAppRecord {
  const app = ctx.state.subApps[String(subAppId)];
  if (!app) throw new CloudApiError("InvalidParameterValue.SubAppId", `The value of parameter \`SubAppId\` is not valid: application ${subAppId} does not exist.`);
  return refresh(ctx, app);
}

/** Resolves an optional SubAppId to a media/config key: the sub-app id, or "primary". */
function appKey(ctx: EmulatorContext, subAppId: number | undefined): string {
  if (subAppId === undefined) return PRIMARY;
  subAppOrThrow(ctx, subAppId);
  return String(subAppId);
}

function defaultEventConfig(): EventConfigRecord {
  // The service's defaults for a new application are not documented; PULL with both switches OFF is the emulator's choice.
  return {
    Mode: "PULL",
    NotificationUrl: "",
    UploadMediaCompleteEventSwitch: "OFF",
    DeleteMediaCompleteEventSwitch: "OFF",
    PersistenceCompleteEventSwitch: "OFF",
  };
}

/** The event configuration of an application (SubAppId, or undefined for the primary one). */
export function eventConfigOf(ctx: EmulatorContext, subAppId: number | null): EventConfigRecord {
  return ctx.state.eventConfigs[subAppId === null ? PRIMARY : String(subAppId)] ?? defaultEventConfig();
}

/** Whether media can be stored into this application (it exists and is not being destroyed). */
export function canStoreInto(ctx: EmulatorContext, subAppId: number | null): { ok: true } | { ok: false; reason: string } {
  if (subAppId === null) return { ok: true };
  const app = ctx.state.subApps[String(subAppId)];
  if (!app) return { ok: false, reason: `VOD application ${subAppId} does not exist` };
  refresh(ctx, app);
  if (app.Status === "Destroying" || app.Status === "Destroyed") return { ok: false, reason: `VOD application ${subAppId} is ${app.Status}` };
  return { ok: true };
}

/** Deletes media whose ExpireTime has passed (VOD deletes expired files permanently). */
export function purgeExpired(ctx: EmulatorContext): void {
  const now = ctx.now();
  let changed = false;
  for (const [id, m] of Object.entries(ctx.state.media)) {
    if (m.BasicInfo.ExpireTime !== NEVER_EXPIRES && Date.parse(m.BasicInfo.ExpireTime) <= now) {
      delete ctx.state.media[id];
      changed = true;
    }
  }
  if (changed) ctx.persist();
}

/** A new FileId: 19 digits, like VOD's. */
export function nextFileId(ctx: EmulatorContext): string {
  const n = ctx.state.counters.nextFileId++;
  return String(5285890784000000000n + BigInt(n));
}

/** Stores a media record (used by the recording simulation). */
export function addMedia(ctx: EmulatorContext, media: MediaRecord): void {
  ctx.state.media[media.FileId] = media;
  ctx.persist();
}

function tagsOf(p: Params, name: string): { TagKey: string; TagValue: string }[] | undefined {
  const list = p.objectArray(name, { allowed: ["TagKey", "TagValue"], maxItems: 50, code: "InvalidParameterValue.Tags" });
  return list?.map((t) => ({
    TagKey: t.string("TagKey", { required: true, maxLength: 255, code: "InvalidParameterValue.Tags" }) as string,
    TagValue: t.string("TagValue", { required: true, maxLength: 255, code: "InvalidParameterValue.Tags" }) as string,
  }));
}

function subAppInfo(app: SubAppRecord): JsonObject {
  return {
    SubAppId: app.SubAppId,
    SubAppIdName: app.Name,
    Description: app.Description,
    CreateTime: app.CreateTime,
    Status: app.Status,
    Name: app.Name,
    Mode: app.Mode,
    StorageRegions: [...app.StorageRegions],
    Tags: app.Tags.map((t) => ({ ...t })),
  };
}

const createSubAppId: ActionHandler = (ctx, p) => {
  p.onlyKnown(["Name", "Description", "Type", "Mode", "StorageRegion", "Tags"]);
  const name = p.string("Name", { required: true, maxLength: 40, code: "InvalidParameterValue.Name" }) as string;
  const description = p.string("Description", { maxLength: 300, code: "InvalidParameterValue.Description" }) ?? "";
  const type = p.string("Type", { oneOf: ["AllInOne", "Professional"] }) ?? "AllInOne";
  const mode = p.string("Mode", { oneOf: ["fileid", "fileid+path"] }) ?? "fileid";
  const storageRegion = p.string("StorageRegion", { maxLength: 64 });
  if (mode === "fileid+path" && !storageRegion) {
    throw new CloudApiError("MissingParameter", "The request is missing a required parameter `StorageRegion` (required when Mode is fileid+path).");
  }
  const tags = tagsOf(p, "Tags") ?? [];
  const id = ctx.state.counters.nextSubAppId++;
  const app: SubAppRecord = {
    SubAppId: id,
    Name: name,
    Description: description,
    Type: type,
    Mode: mode,
    StorageRegions: [storageRegion ?? DEFAULT_STORAGE_REGION],
    Tags: tags,
    Status: "On",
    CreateTime: isoSeconds(ctx.now()),
  };
  ctx.state.subApps[String(id)] = app;
  ctx.persist();
  return { SubAppId: id };
};

const modifySubAppIdInfo: ActionHandler = (ctx, p) => {
  p.onlyKnown(["SubAppId", "Name", "Description"]);
  const id = p.number("SubAppId", { required: true }) as number;
  const name = p.string("Name", { minLength: 1, maxLength: 40, code: "InvalidParameterValue.Name" });
  const description = p.string("Description", { maxLength: 300, code: "InvalidParameterValue.Description" });
  const app = subAppOrThrow(ctx, id);
  if (app.Status === "Destroying" || app.Status === "Destroyed") {
    throw new CloudApiError("FailedOperation", `Application ${id} is ${app.Status} and cannot be modified.`);
  }
  if (name !== undefined) app.Name = name;
  if (description !== undefined) app.Description = description;
  ctx.persist();
  return {};
};

const modifySubAppIdStatus: ActionHandler = (ctx, p) => {
  p.onlyKnown(["SubAppId", "Status"]);
  const id = p.number("SubAppId", { required: true }) as number;
  const status = p.string("Status", { required: true, oneOf: ["On", "Off", "Destroyed"] }) as string;
  const app = subAppOrThrow(ctx, id);
  if (app.Status === "Destroying") {
    if (status === "Destroyed") return {};
    // Documented: an app in Destroying cannot be enabled until destruction finishes.
    throw new CloudApiError("FailedOperation", `Application ${id} is Destroying; wait until it is Destroyed.`);
  }
  if (status === "Destroyed") {
    if (app.Status !== "Destroyed") {
      app.Status = "Destroying";
      app.destroyedAtMs = ctx.now() + ctx.settings.destroyingSeconds * 1000;
      refresh(ctx, app);
    }
  } else {
    app.Status = status as "On" | "Off";
  }
  ctx.persist();
  return {};
};

const describeSubAppIds: ActionHandler = (ctx, p) => {
  p.onlyKnown(["Name", "Tags", "Offset", "Limit"]);
  const name = p.string("Name", { maxLength: 40 });
  const tags = tagsOf(p, "Tags");
  const offset = p.number("Offset", { min: 0, code: "InvalidParameterValue.Offset" }) ?? 0;
  // Documented: default 200, max 200. Over 200 is refused (the service's exact code is not documented).
  const limit = p.number("Limit", { min: 1, max: 200, code: "InvalidParameterValue.Limit" }) ?? 200;
  const all = Object.values(ctx.state.subApps)
    .map((a) => refresh(ctx, a))
    .filter((a) => name === undefined || a.Name === name)
    .filter((a) => !tags || tags.every((t) => a.Tags.some((x) => x.TagKey === t.TagKey && x.TagValue === t.TagValue)))
    .sort((a, b) => a.SubAppId - b.SubAppId);
  return { SubAppIdInfoSet: all.slice(offset, offset + limit).map(subAppInfo), TotalCount: all.length };
};

const modifyEventConfig: ActionHandler = (ctx, p) => {
  p.onlyKnown([
    "SubAppId",
    "Mode",
    "NotificationUrl",
    "UploadMediaCompleteEventSwitch",
    "DeleteMediaCompleteEventSwitch",
    "PersistenceCompleteEventSwitch",
    "SignKey",
  ]);
  const key = appKey(ctx, p.number("SubAppId"));
  const sw = { oneOf: ["ON", "OFF"], code: "InvalidParameter" } as const;
  const mode = p.string("Mode", { oneOf: ["PUSH", "PULL"], code: "InvalidParameter" });
  const url = p.string("NotificationUrl", { maxLength: 2048, code: "InvalidParameter" });
  if (url !== undefined && url !== "" && !/^https?:\/\/[^\s]+$/i.test(url)) {
    throw p.invalid("NotificationUrl", "InvalidParameter", "must be an http:// or https:// URL, or empty to clear");
  }
  const upload = p.string("UploadMediaCompleteEventSwitch", sw);
  const del = p.string("DeleteMediaCompleteEventSwitch", sw);
  const persistence = p.string("PersistenceCompleteEventSwitch", sw);
  const signKey = p.string("SignKey", {
    maxLength: 32,
    pattern: /^[A-Za-z0-9]*$/,
    patternText: "letters and digits only",
    code: "InvalidParameter",
  });
  const current = ctx.state.eventConfigs[key] ?? defaultEventConfig();
  const next: EventConfigRecord = {
    ...current,
    ...(mode !== undefined ? { Mode: mode } : {}),
    ...(url !== undefined ? { NotificationUrl: url } : {}),
    ...(upload !== undefined ? { UploadMediaCompleteEventSwitch: upload } : {}),
    ...(del !== undefined ? { DeleteMediaCompleteEventSwitch: del } : {}),
    ...(persistence !== undefined ? { PersistenceCompleteEventSwitch: persistence } : {}),
  };
  if (signKey !== undefined) {
    // An empty SignKey clears it (not documented; the emulator's reading of "write-only, optional").
    if (signKey === "") delete next.SignKey;
    else next.SignKey = signKey;
  }
  ctx.state.eventConfigs[key] = next;
  ctx.persist();
  return {};
};

const describeEventConfig: ActionHandler = (ctx, p) => {
  p.onlyKnown(["SubAppId"]);
  const key = appKey(ctx, p.number("SubAppId"));
  const c = ctx.state.eventConfigs[key] ?? defaultEventConfig();
  // SignKey is write-only: never returned.
  return {
    Mode: c.Mode,
    NotificationUrl: c.NotificationUrl,
    UploadMediaCompleteEventSwitch: c.UploadMediaCompleteEventSwitch,
    DeleteMediaCompleteEventSwitch: c.DeleteMediaCompleteEventSwitch,
    PersistenceCompleteEventSwitch: c.PersistenceCompleteEventSwitch,
  };
};

/** MediaInfo as SearchMedia and DescribeMediaInfos return it, limited to the requested `Filters`. */
export function mediaInfo(m: MediaRecord, filters?: readonly string[]): JsonObject {
  const want = (f: string): boolean => !filters || filters.length === 0 || filters.includes(f);
  const out: JsonObject = { FileId: m.FileId };
  if (want("basicInfo")) out.BasicInfo = JSON.parse(JSON.stringify(m.BasicInfo)) as JsonObject;
  if (want("metaData")) out.MetaData = { ...m.MetaData };
  return out;
}

function timeRange(p: Params, name: string): { after?: number; before?: number } | undefined {
  const r = p.object(name, { allowed: ["After", "Before"] });
  if (!r) return undefined;
  const read = (field: string): number | undefined => {
    const v = r.string(field);
    if (v === undefined) return undefined;
    const ms = parseIsoTime(v);
    if (ms === undefined) throw r.invalid(field, "InvalidParameterValue", `must be an ISO 8601 date-time, got ${JSON.stringify(v)}`);
    return ms;
  };
  return { after: read("After"), before: read("Before") };
}

function inRange(ms: number, r: { after?: number; before?: number } | undefined): boolean {
  if (!r) return true;
  // "After": greater than or equal; "Before": less than (SDK TimeRange doc).
  if (r.after !== undefined && ms < r.after) return false;
  if (r.before !== undefined && ms >= r.before) return false;
  return true;
}

/** Documented: Offset + Limit must not exceed 5000; TotalCount is capped at 5000. */
export const SEARCH_MEDIA_MAX_RESULTS = 5000;

const SEARCH_MEDIA_FIELDS = [
  "SubAppId", "FileIds", "Names", "NamePrefixes", "Descriptions", "ClassIds", "Tags", "Categories", "SourceTypes",
  "StreamIds", "CreateTime", "ExpireTime", "StorageRegions", "StorageClasses", "MediaTypes", "Status", "ReviewResults",
  "TrtcSdkAppIds", "TrtcRoomIds", "Filters", "Sort", "Offset", "Limit", "Text", "SourceType", "StreamId", "StartTime",
  "EndTime", "Vids", "Vid", "StreamDomains", "StreamPaths", "KnowledgeBases",
] as const;

const searchMedia: ActionHandler = (ctx, p) => {
  p.onlyKnown(SEARCH_MEDIA_FIELDS);
  const key = appKey(ctx, p.number("SubAppId"));
  const fileIds = p.stringArray("FileIds", { maxItems: 10, itemMaxLength: 40, code: "InvalidParameterValue.FileIds" });
  const names = p.stringArray("Names", { maxItems: 10, itemMaxLength: 100, code: "InvalidParameterValue.Names" });
  const prefixes = p.stringArray("NamePrefixes", { maxItems: 10, itemMaxLength: 100, code: "InvalidParameterValue.NamePrefixes" });
  const descriptions = p.stringArray("Descriptions", { maxItems: 10, itemMaxLength: 100 });
  const classIds = p.numberArray("ClassIds", { maxItems: 10, code: "InvalidParameterValue.ClassIds" });
  const tags = p.stringArray("Tags", { maxItems: 16, itemMaxLength: 32, code: "InvalidParameterValue.Tags" });
  const categories = p.stringArray("Categories", { itemOneOf: ["Video", "Audio", "Image"], code: "InvalidParameterValue.Categories" });
  const sourceTypes = p.stringArray("SourceTypes", { maxItems: 10, itemOneOf: SOURCE_TYPES, code: "InvalidParameterValue.SourceTypes" });
  const sourceType = p.string("SourceType", { oneOf: SOURCE_TYPES, code: "InvalidParameterValue.SourceType" });
  const createTime = timeRange(p, "CreateTime");
  const expireTime = timeRange(p, "ExpireTime");
  const storageRegions = p.stringArray("StorageRegions", { maxItems: 20, itemMaxLength: 20, code: "InvalidParameterValue.StorageRegions" });
  const storageClasses = p.stringArray("StorageClasses", { itemOneOf: ["STANDARD", "STANDARD_IA", "ARCHIVE", "DEEP_ARCHIVE"] });
  const statuses = p.stringArray("Status");
  const trtcSdkAppIds = p.numberArray("TrtcSdkAppIds", { maxItems: 10 });
  const trtcRoomIds = p.stringArray("TrtcRoomIds", { maxItems: 10, itemMaxLength: 64 });
  const filters = p.stringArray("Filters");
  const sort = p.object("Sort", { allowed: ["Field", "Order"] });
  sort?.string("Field", { required: true, oneOf: ["CreateTime"], code: "InvalidParameterValue.Sort" });
  // Default order (no Sort): newest first (not documented; the emulator's choice).
  const sortOrder = sort?.string("Order", { required: true, oneOf: ["Asc", "Desc"], code: "InvalidParameterValue.Sort" }) ?? "Desc";
  const startTime = p.string("StartTime");
  const endTime = p.string("EndTime");
  const legacyStart = startTime === undefined ? undefined : parseIsoTime(startTime);
  if (startTime !== undefined && legacyStart === undefined) throw p.invalid("StartTime", "InvalidParameterValue.StartTime", "must be ISO 8601");
  const legacyEnd = endTime === undefined ? undefined : parseIsoTime(endTime);
  if (endTime !== undefined && legacyEnd === undefined) throw p.invalid("EndTime", "InvalidParameterValue.EndTime", "must be ISO 8601");
  const offset = p.number("Offset", { min: 0, code: "InvalidParameterValue.Offset" }) ?? 0;
  const limit = p.number("Limit", { min: 1 }) ?? 10;
  if (offset + limit > SEARCH_MEDIA_MAX_RESULTS) {
    // Documented range "Offset + Limit ≤ 5000"; the code for breaking it is the emulator's choice from SearchMedia's list.
    throw new CloudApiError("InvalidParameterValue.Offset", `The value of parameter \`Offset\` is not valid: Offset + Limit must not exceed ${SEARCH_MEDIA_MAX_RESULTS}, got ${offset + limit}.`);
  }
  // Text, StreamIds, MediaTypes, ReviewResults, StreamDomains, StreamPaths, KnowledgeBases, Vids, Descriptions: accepted,
  // matched only where the emulator's media carry the field (recordings carry none of them except Descriptions).
  const text = p.string("Text", { maxLength: 64, code: "InvalidParameterValue.Text" });
  purgeExpired(ctx);
  const subAppId = key === PRIMARY ? null : Number(key);
  // SDK SearchMediaRequest: StartTime/EndTime are the legacy CreateTime; CreateTime.After takes precedence over
  // StartTime and CreateTime.Before over EndTime, each side on its own.
  const createRange = { after: createTime?.after ?? legacyStart, before: createTime?.before ?? legacyEnd };
  const matches = Object.values(ctx.state.media).filter((m) => {
    const b = m.BasicInfo;
    if (m.subAppId !== subAppId) return false;
    if (fileIds && !fileIds.includes(m.FileId)) return false;
    if (names && !names.some((n) => b.Name.includes(n))) return false;
    if (prefixes && !prefixes.some((n) => b.Name.startsWith(n))) return false;
    if (descriptions && !descriptions.some((d) => b.Description.includes(d))) return false;
    if (text && !(b.Name.includes(text) || b.Description.includes(text))) return false;
    if (classIds && !classIds.includes(b.ClassId)) return false;
    if (tags && !tags.some((t) => b.TagSet.includes(t))) return false;
    if (categories && !categories.includes(b.Category)) return false;
    if (sourceTypes && !sourceTypes.includes(b.SourceInfo.SourceType)) return false;
    if (sourceType && b.SourceInfo.SourceType !== sourceType) return false;
    if (storageRegions && !storageRegions.includes(b.StorageRegion)) return false;
    if (storageClasses && !storageClasses.includes(b.StorageClass)) return false;
    if (statuses && !statuses.includes(b.Status)) return false;
    const trtc = b.SourceInfo.TrtcRecordInfo;
    if (trtcSdkAppIds && !(trtc && trtcSdkAppIds.includes(trtc.SdkAppId))) return false;
    if (trtcRoomIds && !(trtc && trtcRoomIds.includes(trtc.RoomId))) return false;
    if (!inRange(Date.parse(b.CreateTime), createRange)) return false;
    if (expireTime && !inRange(Date.parse(b.ExpireTime), expireTime)) return false;
    return true;
  });
  const dir = sortOrder === "Asc" ? 1 : -1;
  matches.sort((a, b) => {
    const d = Date.parse(a.BasicInfo.CreateTime) - Date.parse(b.BasicInfo.CreateTime);
    if (d !== 0) return d * dir;
    return (BigInt(a.FileId) < BigInt(b.FileId) ? -1 : 1) * dir;
  });
  return {
    TotalCount: Math.min(matches.length, SEARCH_MEDIA_MAX_RESULTS),
    MediaInfoSet: matches.slice(offset, offset + limit).map((m) => mediaInfo(m, filters)),
  };
};

/** Documented: FileIds has at most 20 items ("N from 0, max 19"). */
export const DESCRIBE_MEDIA_INFOS_MAX = 20;

const describeMediaInfos: ActionHandler = (ctx, p) => {
  p.onlyKnown(["FileIds", "SubAppId", "Filters"]);
  const ids = p.stringArray("FileIds", { required: true, code: "InvalidParameterValue.FileIds" }) as string[];
  if (ids.length === 0) throw new CloudApiError("InvalidParameterValue.FileIdsEmpty", "The value of parameter `FileIds` is not valid: the list is empty.");
  if (ids.length > DESCRIBE_MEDIA_INFOS_MAX) {
    throw new CloudApiError("InvalidParameterValue.FileIdsOverLimit", `The value of parameter \`FileIds\` is not valid: at most ${DESCRIBE_MEDIA_INFOS_MAX} items, got ${ids.length}.`);
  }
  const key = appKey(ctx, p.number("SubAppId"));
  const filters = p.stringArray("Filters");
  purgeExpired(ctx);
  const subAppId = key === PRIMARY ? null : Number(key);
  const found: JsonObject[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const m = ctx.state.media[id];
    if (m && m.subAppId === subAppId) found.push(mediaInfo(m, filters));
    else missing.push(id);
  }
  return { MediaInfoSet: found, NotExistFileIdSet: missing };
};

const modifyMediaInfo: ActionHandler = (ctx, p) => {
  p.onlyKnown([
    "FileId", "SubAppId", "Name", "Description", "ClassId", "ExpireTime", "CoverData", "AddKeyFrameDescs",
    "DeleteKeyFrameDescs", "ClearKeyFrameDescs", "AddTags", "DeleteTags", "ClearTags", "AddSubtitles",
    "DeleteSubtitleIds", "ClearSubtitles", "DeleteKnowledgeBases", "ClearKnowledgeBases",
  ]);
  const fileId = p.string("FileId", { required: true }) as string;
  const key = appKey(ctx, p.number("SubAppId"));
  const name = p.string("Name", { maxLength: 64, code: "InvalidParameterValue.Name" });
  const description = p.string("Description", { maxLength: 128, code: "InvalidParameterValue.Description" });
  const classId = p.number("ClassId", { min: 0 });
  const expire = p.string("ExpireTime");
  let expireIso: string | undefined;
  if (expire !== undefined) {
    if (expire === NEVER_EXPIRES) expireIso = NEVER_EXPIRES;
    else {
      const ms = parseIsoTime(expire);
      if (ms === undefined) throw p.invalid("ExpireTime", "InvalidParameterValue.ExpireTime", `must be ISO 8601 (e.g. ${NEVER_EXPIRES}), got ${JSON.stringify(expire)}`);
      expireIso = isoSeconds(ms);
    }
  }
  const addTags = p.stringArray("AddTags", { itemMaxLength: 32, code: "InvalidParameterValue.TagTooLong" });
  const deleteTags = p.stringArray("DeleteTags");
  const clearTags = p.number("ClearTags");
  if (addTags && deleteTags && addTags.some((t) => deleteTags.includes(t))) {
    throw new CloudApiError("InvalidParameterValue.AddTagsAndDeleteTagsConflict", "AddTags and DeleteTags must not share a tag.");
  }
  if (addTags && clearTags === 1) throw new CloudApiError("InvalidParameterValue.AddTagsAndClearTagsConflict", "AddTags and ClearTags cannot be used together.");
  purgeExpired(ctx);
  const m = ctx.state.media[fileId];
  if (!m || m.subAppId !== (key === PRIMARY ? null : Number(key))) {
    throw new CloudApiError("ResourceNotFound.FileNotExist", `The file ${fileId} does not exist.`);
  }
  const b = m.BasicInfo;
  // Everything is checked before anything is written: a refused request changes nothing.
  let tagSet = clearTags === 1 ? [] : [...b.TagSet];
  if (deleteTags) tagSet = tagSet.filter((t) => !deleteTags.includes(t));
  for (const t of addTags ?? []) if (!tagSet.includes(t)) tagSet.push(t);
  if (tagSet.length > 16) throw new CloudApiError("LimitExceeded.TagCountReachMax", `A media file has at most 16 tags; this request would leave ${tagSet.length}.`);
  if (name !== undefined) b.Name = name;
  if (description !== undefined) b.Description = description;
  if (classId !== undefined) b.ClassId = classId;
  if (expireIso !== undefined) b.ExpireTime = expireIso;
  b.TagSet = tagSet;
  b.UpdateTime = isoSeconds(ctx.now());
  ctx.persist();
  return { AddedSubtitleSet: [] };
};

/** Every emulated VOD action. */
export const VOD_ACTIONS: Readonly<Record<string, ActionHandler>> = {
  CreateSubAppId: createSubAppId,
  ModifySubAppIdInfo: modifySubAppIdInfo,
  ModifySubAppIdStatus: modifySubAppIdStatus,
  DescribeSubAppIds: describeSubAppIds,
  ModifyEventConfig: modifyEventConfig,
  DescribeEventConfig: describeEventConfig,
  SearchMedia: searchMedia,
  DescribeMediaInfos: describeMediaInfos,
  ModifyMediaInfo: modifyMediaInfo,
};
