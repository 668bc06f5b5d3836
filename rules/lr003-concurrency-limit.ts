import { MAX_CONCURRENT_RECORDINGS } from "../lib/limits";
import { Rule } from "./rule";

/** What the guide leaves out of its limit, said in every finding (the plan shows findings without their explanation). */
const SCOPE_NOT_DOCUMENTED = "whether the limit counts per SDKAppID or per account is not documented";

/** Declared peak concurrent recordings above the guide's 300 streams (alone, or added up over a declared account). */
export const ConcurrencyLimit: Rule = {
  id: "LR003",
  name: "ConcurrencyLimit",
  severity: "warning",
  explanation:
    `The guide: "The current maximum concurrent recording limit is ${MAX_CONCURRENT_RECORDINGS} streams. For higher concurrency, ` +
    "contact sales or Contact Us.\" Live records one stream per room. The guide says neither whether the limit counts " +
    "per SDKAppID or per account, nor what happens to recordings above it; this package checks each environment alone, " +
    "and adds up the environments that name the same account (our reading).",
  fix:
    "Ask Tencent (sales, or Contact Us) for a higher limit and acknowledge LR003 with the ticket as reason, or lower the " +
    "declared peak; name the account (`account`) in every environment that shares it, so their peaks are added up.",
  evaluate: (app, context) => {
    const own = app.expectedUsage?.peakConcurrentRecordings ?? null;
    const peers = app.account === null ? [] : context.accountPeers.filter((p) => p.peakConcurrentRecordings !== null);
    if (peers.length === 0) {
      return own !== null && own > MAX_CONCURRENT_RECORDINGS
        ? [{ message: `Declared peak of ${own} concurrent recordings is above the guide's limit of ${MAX_CONCURRENT_RECORDINGS} streams (${SCOPE_NOT_DOCUMENTED}).` }]
        : [];
    }
    const parts = [...(own !== null ? [{ path: app.path, peak: own }] : []), ...peers.map((p) => ({ path: p.path, peak: p.peakConcurrentRecordings as number }))].sort(
      (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    );
    const sum = parts.reduce((acc, p) => acc + p.peak, 0);
    if (sum <= MAX_CONCURRENT_RECORDINGS) return [];
    return [
      {
        message:
          `Declared peaks of account "${app.account}" add up to ${sum} concurrent recordings ` +
          `(${parts.map((p) => `${p.path} ${p.peak}`).join(", ")}), above the guide's limit of ${MAX_CONCURRENT_RECORDINGS} streams ` +
          `(${SCOPE_NOT_DOCUMENTED}; adding up the environments of one account is our reading).`,
      },
    ];
  },
};
