/**
 * The few Terraform expressions the synthesized stacks use, evaluated against the stand-in's state: a whole-string
 * `${...}` holding resource attribute references (`<type>.<name>.<attribute>`), string templates (`"a/${x}"`),
 * object (`{"k" = v}`) and tuple (`[a, b]`) literals, and the functions `tonumber`, `tostring`, `element`, `split` and
 * `jsonencode` (what cdktf's `Fn.jsonencode` of a CAM policy document renders). Anything else is refused with the
 * expression in the message, never guessed.
 */

/** A value not known before apply (a reference to a resource that does not exist yet). */
export const UNKNOWN: unique symbol = Symbol("known after apply");
export type Value = string | number | boolean | null | Value[] | { [k: string]: Value } | typeof UNKNOWN;

/** Looks a resource attribute up: UNKNOWN when the resource is not created yet. */
export type AttributeLookup = (type: string, name: string, attribute: string) => Value;

type Node =
  | { kind: "ref"; parts: string[] }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "template"; parts: Array<string | Node> }
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "tuple"; items: Node[] }
  | { kind: "object"; entries: Array<[string, Node]> };

const FUNCTIONS = ["tonumber", "tostring", "split", "element", "jsonencode"];
const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" };

function parse(text: string, whole: string): Node {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`the terraform stand-in cannot evaluate ${whole}: ${what} at ${i}`);
  };
  const space = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const expect = (c: string) => {
    space();
    if (text[i] !== c) fail(`expected ${c}`);
    i++;
  };
  /** A quoted string, with `${...}` interpolations (a template). */
  const quoted = (): Node => {
    i++;
    const parts: Array<string | Node> = [];
    let out = "";
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") {
        const e = ESCAPES[text[i + 1]];
        if (e === undefined) fail(`escape \\${text[i + 1]} is not supported`);
        out += e;
        i += 2;
      } else if (text.startsWith("$${", i)) {
        out += "${";
        i += 3;
      } else if (text.startsWith("${", i)) {
        if (out !== "") parts.push(out);
        out = "";
        i += 2;
        parts.push(expr());
        expect("}");
      } else if (text.startsWith("%{", i)) {
        fail("template directives are not supported");
      } else {
        out += text[i++];
      }
    }
    if (text[i] !== '"') fail("unterminated string");
    i++;
    if (out !== "" || parts.length === 0) parts.push(out);
    return parts.length === 1 && typeof parts[0] === "string" ? { kind: "literal", value: parts[0] } : { kind: "template", parts };
  };
  /** Items up to `close`, separated by commas (a trailing comma allowed). */
  const list = <T>(close: string, item: () => T): T[] => {
    const out: T[] = [];
    space();
    while (text[i] !== close) {
      out.push(item());
      space();
      if (text[i] === ",") {
        i++;
        space();
      } else if (text[i] !== close) fail(`expected , or ${close}`);
    }
    i++;
    return out;
  };
  const expr = (): Node => {
    space();
    if (text[i] === '"') return quoted();
    if (text[i] === "[") {
      i++;
      return { kind: "tuple", items: list("]", expr) };
    }
    if (text[i] === "{") {
      i++;
      const entries = list("}", (): [string, Node] => {
        space();
        const key = text[i] === '"' ? quoted() : ident();
        if (key.kind !== "literal" || typeof key.value !== "string") return fail("an object key must be a name or a plain string");
        space();
        if (text[i] !== "=" && text[i] !== ":") fail("expected = or :");
        i++;
        return [key.value, expr()];
      });
      return { kind: "object", entries };
    }
    const num = /^-?\d+(\.\d+)?/.exec(text.slice(i));
    if (num) {
      i += num[0].length;
      return { kind: "literal", value: Number(num[0]) };
    }
    const name = ident();
    if (name.kind !== "literal" || typeof name.value !== "string") return name;
    space();
    if (text[i] === "(") {
      i++;
      return { kind: "call", name: name.value, args: list(")", expr) };
    }
    if (name.value === "true" || name.value === "false") return { kind: "literal", value: name.value === "true" };
    if (name.value === "null") return { kind: "literal", value: null };
    const parts = [name.value];
    while (text[i] === ".") {
      i++;
      const next = /^[A-Za-z0-9_-]+/.exec(text.slice(i));
      if (!next) fail("expected an attribute name");
      i += next![0].length;
      parts.push(next![0]);
    }
    return { kind: "ref", parts };
  };
  /** A bare name, as a literal string node. */
  const ident = (): Node => {
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
    if (!m) return fail("expected an expression");
    i += m[0].length;
    return { kind: "literal", value: m[0] };
  };
  const node = expr();
  space();
  if (i !== text.length) fail("unexpected text");
  return node;
}

/** JSON as Terraform's jsonencode writes it: compact, object keys in lexical order (cty objects are ordered so). */
function jsonencode(v: Value): string {
  if (Array.isArray(v)) return `[${v.map(jsonencode).join(",")}]`;
  if (v !== null && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${jsonencode((v as Record<string, Value>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

const hasUnknown = (v: Value): boolean =>
  v === UNKNOWN || (Array.isArray(v) ? v.some(hasUnknown) : v !== null && typeof v === "object" ? Object.values(v).some(hasUnknown) : false);

function evalNode(node: Node, lookup: AttributeLookup, whole: string): Value {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "ref":
      if (node.parts.length !== 3) throw new Error(`the terraform stand-in cannot evaluate ${whole}: only <type>.<name>.<attribute> references are supported`);
      return lookup(node.parts[0], node.parts[1], node.parts[2]);
    case "template": {
      const parts = node.parts.map((p) => (typeof p === "string" ? p : evalNode(p, lookup, whole)));
      if (parts.includes(UNKNOWN)) return UNKNOWN;
      return parts.map((p) => (typeof p === "string" ? p : typeof p === "number" || typeof p === "boolean" ? String(p) : JSON.stringify(p))).join("");
    }
    case "tuple":
      return node.items.map((n) => evalNode(n, lookup, whole));
    case "object":
      return Object.fromEntries(node.entries.map(([k, n]) => [k, evalNode(n, lookup, whole)]));
    case "call": {
      if (!FUNCTIONS.includes(node.name)) throw new Error(`the terraform stand-in cannot evaluate ${whole}: function ${node.name} is not supported`);
      const args = node.args.map((a) => evalNode(a, lookup, whole));
      if (args.some(hasUnknown)) return UNKNOWN;
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
          return jsonencode(args[0]);
      }
    }
  }
}

function refsOf(node: Node, out: Set<string>): void {
  switch (node.kind) {
    case "ref":
      if (node.parts.length >= 2) out.add(`${node.parts[0]}.${node.parts[1]}`);
      return;
    case "call":
      return node.args.forEach((a) => refsOf(a, out));
    case "template":
      return node.parts.forEach((p) => typeof p !== "string" && refsOf(p, out));
    case "tuple":
      return node.items.forEach((n) => refsOf(n, out));
    case "object":
      return node.entries.forEach(([, n]) => refsOf(n, out));
    default:
      return;
  }
}

/** The expression of a whole-string `${...}`, undefined for a plain string; refuses text around an expression. */
function expressionOf(value: string): string | undefined {
  if (!value.includes("${")) return undefined;
  const m = /^\$\{([\s\S]*)\}$/.exec(value);
  if (!m) throw new Error(`the terraform stand-in cannot evaluate ${value}: only whole-string expressions are supported`);
  return m[1];
}

/** Evaluates a configuration value: strings holding `${...}` are expressions; objects and lists are walked. */
export function evaluate(value: unknown, lookup: AttributeLookup): Value {
  if (typeof value === "string") {
    const expression = expressionOf(value);
    return expression === undefined ? value : evalNode(parse(expression, value), lookup, value);
  }
  if (Array.isArray(value)) return value.map((v) => evaluate(v, lookup));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, lookup)]));
  return value as Value;
}

/** The resources (`<type>.<name>`) a configuration value refers to, wherever the references sit in its expressions. */
export function references(value: unknown): string[] {
  const out = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === "string") {
      const expression = expressionOf(v);
      if (expression !== undefined) refsOf(parse(expression, v), out);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(visit);
  };
  visit(value);
  return [...out];
}
