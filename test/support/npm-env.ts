/**
 * This process's environment without what `npm test` adds about this repository for its scripts (the package, the
 * lifecycle, the local prefix), so that npm run by a test (`npm install`, `npx`) sees the folder it runs in, as it
 * would outside `npm test`; npm quiet.
 */
export function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const scriptOnly = /^npm_(lifecycle_|package_|command$|execpath$|node_execpath$|config_local_prefix$)/i;
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !scriptOnly.test(k)));
  return { ...base, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", ...extra };
}
