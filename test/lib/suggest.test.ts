import { editDistance, nearest } from "../../lib/suggest";

test("edit distance counts an adjacent swap as one edit, ignoring case", () => {
  expect(editDistance("--prot", "--port")).toBe(1);
  expect(editDistance("actoins", "actions")).toBe(1);
  expect(editDistance("SlowMS", "slowMs")).toBe(0);
  expect(editDistance("", "abc")).toBe(3);
});

test("nearest: a likely typo gets its word; a far word gets none", () => {
  expect(nearest("SerchMedia", ["SearchMedia", "DescribeMediaInfos"])).toBe("SearchMedia");
  expect(nearest("--rate-limits", ["--port", "--no-rate-limits"])).toBe("--no-rate-limits");
  expect(nearest("probability", ["rate", "seed", "kinds"])).toBeUndefined();
  expect(nearest("x", ["y", "z"])).toBe("y");
  expect(nearest("ab", [])).toBeUndefined();
});
