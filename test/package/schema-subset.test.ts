/** schema/README.md says which subset of the provider's schema schema/ holds: the file holds exactly that. */
import { readFileSync } from "fs";
import * as path from "path";
import { ROOT } from "../support/app";

const FQPN = "registry.terraform.io/tencentcloudstack/tencentcloud";

test("schema/ is the subset its README describes: provider 1.82.101, its VOD resources and data sources, the CAM ones", () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, "schema", "tencentcloud-provider-schema.json"), "utf8")) as {
    provider_versions: Record<string, string>;
    provider_schemas: Record<string, { resource_schemas: object; data_source_schemas: object }>;
  };
  const readme = readFileSync(path.join(ROOT, "schema", "README.md"), "utf8");
  expect(schema.provider_versions).toEqual({ [FQPN]: "1.82.101" });
  expect(readme).toContain("version **1.82.101**");
  const listed = (section: RegExp): string[] => [...(readme.match(section)?.[0] ?? "").matchAll(/`((?:vod|cam)_[a-z_]+)`/g)].map((m) => `tencentcloud_${m[1]}`);
  const resources = [...listed(/every `tencentcloud_vod_\*` resource[\s\S]*?;\n/), ...listed(/the \*\*CAM\*\* resources[\s\S]*?; and/)].filter((n) => n !== "tencentcloud_vod_aigc_quota");
  const dataSources = [...listed(/every `tencentcloud_vod_\*` data source[\s\S]*?;\n/), ...listed(/; and the data source[\s\S]*?\./)];
  const { resource_schemas, data_source_schemas } = schema.provider_schemas[FQPN];
  expect(resources.sort()).toEqual(Object.keys(resource_schemas).sort());
  expect(dataSources.sort()).toEqual(Object.keys(data_source_schemas).sort());
});
