/**
 * The few Terraform expressions the synthesized stacks use, evaluated against the stand-in's state: a whole-string
 * `${...}` holding resource attribute references (`<type>.<name>.<attribute>`) and the functions `tonumber`,
 * `tostring`, `element` and `split`. Anything else is refused with the expression in the message, never guessed.
 */

/** A value not known before apply (a reference to a resource that does not exist yet). */
export const UNKNOWN: unique symbol = Symbol("known after apply");
export type Value = string | number | boolean | null | Value[] | { [k: string]: Value } | typeof UNKNOWN;

/** Looks a resource attribute up: UNKNOWN when the resource is not created yet. */
export type AttributeLookup = (type: string, name: string, attribute: string) => Value;

type Node =
  | { kind: "ref"; parts: string[] }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "string"; value: string }
  | { kind: "number"; value: number };

function parse(text: string, whole: string): Node {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`the terraform stand-in cannot evaluate ${whole}: ${what} at ${i}`);
  };
  const space = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const expr = (): Node => {
    space();
    if (text[i] === '"') {
      let out = "";
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === "\\") i++;
        out += text[i++];
      }
      if (text[i] !== '"') fail("unterminated string");
      i++;
      return { kind: "string", value: out };
    }
    const num = /^-?\d+(\.\d+)?/.exec(text.slice(i));
    if (num) {
      i += num[0].length;
      return { kind: "number", value: Number(num[0]) };
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
    if (!ident) return fail("expected an expression");
    i += ident[0].length;
    space();
    if (text[i] === "(") {
      i++;
      const args: Node[] = [];
      space();
      if (text[i] !== ")") {
        for (;;) {
          args.push(expr());
          space();
          if (text[i] === ",") {
            i++;
            continue;
          }
          break;
        }
      }
      if (text[i] !== ")") fail("expected )");
      i++;
      return { kind: "call", name: ident[0], args };
    }
    const parts = [ident[0]];
    while (text[i] === ".") {
      i++;
      const next = /^[A-Za-z0-9_-]+/.exec(text.slice(i));
      if (!next) fail("expected an attribute name");
      i += next![0].length;
      parts.push(next![0]);
    }
    return { kind: "ref", parts };
  };
  const node = expr();
  space();
  if (i !== text.length) fail("unexpected text");
  return node;
}

function evalNode(node: Node, lookup: AttributeLookup, whole: string): Value {
  switch (node.kind) {
    case "string":
    case "number":
      return node.value;
    case "ref":
      if (node.parts.length !== 3) throw new Error(`the terraform stand-in cannot evaluate ${whole}: only <type>.<name>.<attribute> references are supported`);
      return lookup(node.parts[0], node.parts[1], node.parts[2]);
    case "call": {
      if (!["tonumber", "tostring", "split", "element"].includes(node.name)) {
        throw new Error(`the terraform stand-in cannot evaluate ${whole}: function ${node.name} is not supported`);
      }
      const args = node.args.map((a) => evalNode(a, lookup, whole));
      if (args.includes(UNKNOWN)) return UNKNOWN;
      switch (node.name) {
        case "tonumber":
          return Number(args[0]);
        case "tostring":
          return String(args[0]);
        case "split":
          return String(args[1]).split(String(args[0]));
        case "element": {
          const list = args[0] as Value[];
          return list[Number(args[1]) % list.length];
        }
        default:
          throw new Error(`the terraform stand-in cannot evaluate ${whole}: function ${node.name} is not supported`);
      }
    }
  }
}

/** Evaluates a configuration value: strings holding `${...}` are expressions; objects and lists are walked. */
export function evaluate(value: unknown, lookup: AttributeLookup): Value {
  if (typeof value === "string") {
    if (!value.includes("${")) return value;
    const m = /^\$\{([\s\S]*)\}$/.exec(value);
    if (!m) throw new Error(`the terraform stand-in cannot evaluate ${value}: only whole-string expressions are supported`);
    return evalNode(parse(m[1], value), lookup, value);
  }
  if (Array.isArray(value)) return value.map((v) => evaluate(v, lookup));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, lookup)]));
  return value as Value;
}

/** The resources (`<type>.<name>`) a configuration value refers to. */
export function references(value: unknown): string[] {
  const out = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === "string") {
      const inner = /^\$\{([\s\S]*)\}$/.exec(v)?.[1].replace(/"(\\.|[^"\\])*"/g, '""');
      for (const m of (inner ?? "").matchAll(/([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)\.[A-Za-z0-9_-]+/g)) out.add(`${m[1]}.${m[2]}`);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(visit);
  };
  visit(value);
  return [...out];
}
