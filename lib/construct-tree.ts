import type { Construct } from "constructs";

/**
 * Whether each scope of `c` is still a child of its parent. Constructs can be removed with `tryRemoveChild` (a refused
 * `defineEnvironments` call removes the stacks it created), and a claim made by a removed construct is void.
 */
export function isInTree(c: Construct): boolean {
  return c.node.scopes.every((s) => s.node.scope === undefined || s.node.scope.node.tryFindChild(s.node.id) === s);
}
