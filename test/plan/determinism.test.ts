import { buildRecordingPlan } from "../../plan/build";
import { renderPlanJson } from "../../plan/json";
import { renderPlanMarkdown } from "../../plan/markdown";
import { parseRecordingPlan } from "../../plan/model";
import { desiredStates } from "./support";

describe("determinism", () => {
  test("same input, byte-identical Markdown and JSON (built twice from fresh syntheses)", () => {
    const first = buildRecordingPlan(desiredStates());
    const second = buildRecordingPlan(desiredStates());
    expect(renderPlanMarkdown(second)).toBe(renderPlanMarkdown(first));
    expect(renderPlanJson(second)).toBe(renderPlanJson(first));
  });

  test("the order of the desired states does not matter", () => {
    const states = desiredStates();
    expect(renderPlanJson(buildRecordingPlan([...states].reverse()))).toBe(renderPlanJson(buildRecordingPlan(states)));
  });

  test("JSON: sorted keys at every level, 2-space indent, final newline, versioned", () => {
    const json = renderPlanJson(buildRecordingPlan(desiredStates()));
    expect(json.endsWith("}\n")).toBe(true);
    expect(json.startsWith('{\n  "environments": [')).toBe(true);
    const checkSorted = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(checkSorted);
      else if (value !== null && typeof value === "object") {
        const keys = Object.keys(value);
        expect(keys).toEqual([...keys].sort());
        Object.values(value).forEach(checkSorted);
      }
    };
    const parsed = JSON.parse(json);
    checkSorted(parsed);
    expect([parsed.schema, parsed.version]).toEqual(["trtc-live-recording/recording-plan", 3]);
  });

  test("no timestamps and no absolute paths in either output", () => {
    const plan = buildRecordingPlan(desiredStates());
    for (const text of [renderPlanMarkdown(plan), renderPlanJson(plan)]) {
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(text).not.toContain(process.cwd());
      expect(text).not.toMatch(/(^|[\s"(])\/(tmp|home|work|Users)\//m);
    }
  });

  test("the JSON reads back to the same plan", () => {
    const plan = buildRecordingPlan(desiredStates());
    expect(parseRecordingPlan(JSON.parse(renderPlanJson(plan)))).toEqual(plan);
  });
});
