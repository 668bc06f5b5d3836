import { MAX_CONCURRENT_RECORDINGS } from "../lib/limits";
import { Rule } from "./rule";

/** Declared peak concurrent recordings above the service limit. */
export const ConcurrencyLimit: Rule = {
  id: "LR003",
  name: "ConcurrencyLimit",
  severity: "warning",
  explanation: `Live recording runs at most ${MAX_CONCURRENT_RECORDINGS} recordings at once; rooms beyond that are not recorded.`,
  fix: "Ask Tencent (sales or support) to raise the limit, then acknowledge this finding with the ticket as reason.",
  evaluate: (app) => {
    const peak = app.expectedUsage?.peakConcurrentRecordings;
    return peak != null && peak > MAX_CONCURRENT_RECORDINGS
      ? [{ message: `Declared peak of ${peak} concurrent recordings exceeds the limit of ${MAX_CONCURRENT_RECORDINGS}.` }]
      : [];
  },
};
