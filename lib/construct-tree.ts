import type { Construct } from "constructs";

/**
 * Whether each scope of `c` is still a child of its parent. Constructs can be removed with `tryRemoveChild` (a refused
 * `defineEnvironments` call removes the stacks it created), and a claim made by a removed construct is void.
 */
function isInTree(c: Construct): boolean {
  return c.node.scopes.every((s) => s.node.scope === undefined || s.node.scope.node.tryFindChild(s.node.id) === s);
}

/**
 * Which construct of an app (known by its root construct) claimed each key, for settings that one declaration alone
 * may own (an SDKAppID's console settings, a VOD application's event configuration).
 */
export class AppClaims<K, C extends Construct> {
  private readonly byRoot = new WeakMap<object, Map<K, C>>();

  /** The construct still in the tree that claimed `key` in the app of `scope`, if any. */
  public claimant(scope: Construct, key: K): C | undefined {
    const claimant = this.byRoot.get(scope.node.root)?.get(key);
    return claimant !== undefined && isInTree(claimant) ? claimant : undefined;
  }

  public claim(key: K, claimant: C): void {
    const root = claimant.node.root;
    let claims = this.byRoot.get(root);
    if (claims === undefined) this.byRoot.set(root, (claims = new Map()));
    claims.set(key, claimant);
  }
}
