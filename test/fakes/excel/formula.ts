import { columnNumber } from "../../../shared/template/a1.ts";

/**
 * A small Excel formula evaluator for the fake host: numbers, "text", TRUE/FALSE, cell references
 * (same sheet), array constants {…}, ranges inside SUM/COUNTIF/COUNTA/MATCH/SUMPRODUCT, ISNUMBER,
 * + - * / &, comparisons (text compared without case, like Excel), parentheses. MATCH(…, 0) with a
 * range as lookup value gives an array (as inside SUMPRODUCT). Unknown functions give #NAME?; type
 * errors #VALUE!.
 */
export type FormulaError = { error: string };
export type FormulaValue = string | number | boolean | FormulaError;
type RangeRef = { range: { r1: number; c1: number; r2: number; c2: number } };
type ArrayValue = { array: FormulaValue[] };
type Value = FormulaValue | RangeRef | ArrayValue;

export type FormulaEnv = { cell: (row: number, column: number) => string | number | boolean };

const err = (e: string): FormulaError => ({ error: e });
const isErr = (v: unknown): v is FormulaError => typeof v === "object" && v !== null && "error" in v;
const isRange = (v: unknown): v is RangeRef => typeof v === "object" && v !== null && "range" in v;
const isArray = (v: unknown): v is ArrayValue => typeof v === "object" && v !== null && "array" in v;

type Token = { t: "num" | "str" | "ref" | "id" | "op" | "(" | ")" | "," | ":" | "{" | "}" | ";"; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      while (i < src.length) {
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i += 2;
          continue;
        }
        if (src[i] === '"') break;
        s += src[i++];
      }
      i++;
      out.push({ t: "str", v: s });
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: num[0] });
      i += num[0].length;
      continue;
    }
    const ref = /^\$?[A-Za-z]{1,3}\$?\d+/.exec(src.slice(i));
    if (ref && !/^[A-Za-z(]/.test(src.slice(i + ref[0].length))) {
      out.push({ t: "ref", v: ref[0].replace(/\$/g, "") });
      i += ref[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: "id", v: id[0] });
      i += id[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      out.push({ t: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/&=<>".includes(ch)) {
      out.push({ t: "op", v: ch });
      i++;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === "," || ch === ":" || ch === "{" || ch === "}" || ch === ";") {
      out.push({ t: ch, v: ch });
      i++;
      continue;
    }
    throw new Error(`bad character ${ch}`);
  }
  return out;
}

function refCell(ref: string): { row: number; column: number } {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(ref)!;
  return { row: Number(m[2]), column: columnNumber(m[1]!) };
}

class Parser {
  private pos = 0;
  private readonly tokens: Token[];
  private readonly env: FormulaEnv;

  constructor(tokens: Token[], env: FormulaEnv) {
    this.tokens = tokens;
    this.env = env;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
  private next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new Error("unexpected end");
    return t;
  }

  parseAll(): Value {
    const v = this.comparison();
    if (this.pos !== this.tokens.length) throw new Error("trailing tokens");
    return v;
  }

  private comparison(): Value {
    let left = this.concat();
    for (let t = this.peek(); t && t.t === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(t.v); t = this.peek()) {
      this.pos++;
      left = compare(t.v, scalar(left, this.env), scalar(this.concat(), this.env));
    }
    return left;
  }

  private concat(): Value {
    let left = this.additive();
    for (let t = this.peek(); t && t.t === "op" && t.v === "&"; t = this.peek()) {
      this.pos++;
      const a = scalar(left, this.env),
        b = scalar(this.additive(), this.env);
      left = isErr(a) ? a : isErr(b) ? b : text(a) + text(b);
    }
    return left;
  }

  private additive(): Value {
    let left = this.term();
    for (let t = this.peek(); t && t.t === "op" && (t.v === "+" || t.v === "-"); t = this.peek()) {
      this.pos++;
      left = arith(t.v, scalar(left, this.env), scalar(this.term(), this.env));
    }
    return left;
  }

  private term(): Value {
    let left = this.unary();
    for (let t = this.peek(); t && t.t === "op" && (t.v === "*" || t.v === "/"); t = this.peek()) {
      this.pos++;
      left = arith(t.v, scalar(left, this.env), scalar(this.unary(), this.env));
    }
    return left;
  }

  private unary(): Value {
    const t = this.peek();
    if (t && t.t === "op" && (t.v === "-" || t.v === "+")) {
      this.pos++;
      const v = this.unary();
      const one = (x: FormulaValue) => arith(t.v === "-" ? "*" : "+", t.v === "-" ? -1 : 0, x);
      return isArray(v) ? { array: v.array.map(one) } : one(scalar(v, this.env));
    }
    return this.primary();
  }

  private primary(): Value {
    const t = this.next();
    if (t.t === "num") return Number(t.v);
    if (t.t === "str") return t.v;
    if (t.t === "{") return this.arrayConstant();
    if (t.t === "(") {
      const v = this.comparison();
      if (this.next().t !== ")") throw new Error("expected )");
      return v;
    }
    if (t.t === "ref") {
      const a = refCell(t.v);
      if (this.peek()?.t === ":") {
        this.pos++;
        const b = this.next();
        if (b.t !== "ref") throw new Error("bad range");
        const c = refCell(b.v);
        return {
          range: {
            r1: Math.min(a.row, c.row),
            c1: Math.min(a.column, c.column),
            r2: Math.max(a.row, c.row),
            c2: Math.max(a.column, c.column),
          },
        };
      }
      return { range: { r1: a.row, c1: a.column, r2: a.row, c2: a.column } };
    }
    if (t.t === "id") {
      const name = t.v.toUpperCase();
      if (this.peek()?.t !== "(") {
        if (name === "TRUE") return true;
        if (name === "FALSE") return false;
        return err("#NAME?");
      }
      this.pos++;
      const args: Value[] = [];
      if (this.peek()?.t !== ")") {
        for (;;) {
          args.push(this.comparison());
          const sep = this.next();
          if (sep.t === ")") break;
          if (sep.t !== ",") throw new Error("expected , or )");
        }
      } else this.pos++;
      return callFunction(name, args, this.env);
    }
    throw new Error(`unexpected ${t.v}`);
  }

  /** `{"a","b";1,TRUE}`: constants only, rows flattened (enough for lookup lists). */
  private arrayConstant(): ArrayValue {
    const items: FormulaValue[] = [];
    for (;;) {
      let t = this.next();
      let sign = 1;
      if (t.t === "op" && t.v === "-") {
        sign = -1;
        t = this.next();
      }
      if (t.t === "num") items.push(sign * Number(t.v));
      else if (t.t === "str") items.push(t.v);
      else if (t.t === "id" && (t.v.toUpperCase() === "TRUE" || t.v.toUpperCase() === "FALSE")) items.push(t.v.toUpperCase() === "TRUE");
      else throw new Error("bad array constant");
      const sep = this.next();
      if (sep.t === "}") return { array: items };
      if (sep.t !== "," && sep.t !== ";") throw new Error("expected , ; or }");
    }
  }
}

function cellsOf(v: Value, env: FormulaEnv): (string | number | boolean)[] {
  if (!isRange(v)) return [];
  const out: (string | number | boolean)[] = [];
  const { r1, c1, r2, c2 } = v.range;
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(env.cell(r, c));
  return out;
}

function scalar(v: Value, env: FormulaEnv): FormulaValue {
  if (isArray(v)) return v.array[0] ?? err("#VALUE!");
  if (!isRange(v)) return v;
  const { r1, c1, r2, c2 } = v.range;
  if (r1 !== r2 || c1 !== c2) return err("#VALUE!");
  const x = env.cell(r1, c1);
  return typeof x === "string" && /^#[A-Z/0]+[!?]?$/.test(x) ? err(x) : x;
}

function text(v: string | number | boolean): string {
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

function toNumber(v: FormulaValue): number | FormulaError {
  if (isErr(v)) return v;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v.trim() === "") return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : err("#VALUE!");
}

function arith(op: string, a: FormulaValue, b: FormulaValue): FormulaValue {
  const x = toNumber(a),
    y = toNumber(b);
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  if (op === "+") return x + y;
  if (op === "-") return x - y;
  if (op === "*") return x * y;
  return y === 0 ? err("#DIV/0!") : x / y;
}

function compare(op: string, a: FormulaValue, b: FormulaValue): FormulaValue {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  // An empty cell compares as "" with text and as 0 with numbers.
  const norm = (v: string | number | boolean, other: string | number | boolean) =>
    v === "" && typeof other === "number" ? 0 : v === "" && typeof other === "boolean" ? false : v;
  const x = norm(a, b),
    y = norm(b, a);
  const rank = (v: unknown) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let c: number;
  if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else if (typeof x === "string") c = x.toLowerCase().localeCompare(String(y).toLowerCase(), undefined, { sensitivity: "accent" });
  else c = Number(x) - Number(y);
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

function matches(cell: string | number | boolean, criterion: FormulaValue): boolean {
  if (isErr(criterion)) return false;
  if (typeof criterion === "number") return typeof cell === "number" ? cell === criterion : cell !== "" && Number(cell) === criterion;
  if (typeof criterion === "boolean") return cell === criterion;
  const m = /^(<>|<=|>=|=|<|>)?(.*)$/.exec(criterion)!;
  const op = m[1] ?? "=";
  const rhsText = m[2]!;
  const rhs: string | number = rhsText !== "" && Number.isFinite(Number(rhsText)) ? Number(rhsText) : rhsText;
  if (typeof rhs === "number" && typeof cell !== "number") return op === "<>";
  if (cell === "" && rhs !== "") return op === "<>";
  return compare(op, cell, rhs) === true;
}

function callFunction(name: string, args: Value[], env: FormulaEnv): Value {
  switch (name) {
    case "SUM": {
      let s = 0;
      for (const a of args) {
        if (isRange(a)) {
          for (const c of cellsOf(a, env)) if (typeof c === "number") s += c;
        } else if (isArray(a)) {
          for (const c of a.array) if (typeof c === "number") s += c;
        } else {
          const n = toNumber(a);
          if (isErr(n)) return n;
          s += n;
        }
      }
      return s;
    }
    case "COUNTIF": {
      if (args.length !== 2 || !isRange(args[0])) return err("#VALUE!");
      const criterion = scalar(args[1]!, env);
      return cellsOf(args[0], env).filter((c) => matches(c, criterion)).length;
    }
    case "MATCH": {
      // Exact match only (match_type 0): same type, text without case, like Excel.
      if (args.length !== 3 || scalar(args[2]!, env) !== 0) return err("#N/A");
      const list = isArray(args[1]) ? args[1].array : isRange(args[1]) ? cellsOf(args[1], env) : [scalar(args[1]!, env)];
      const find = (x: FormulaValue): FormulaValue => {
        if (isErr(x)) return x;
        const i = list.findIndex(
          (y) => !isErr(y) && typeof y === typeof x && (typeof x === "string" ? x.toLowerCase() === (y as string).toLowerCase() : x === y),
        );
        return x === "" || i < 0 ? err("#N/A") : i + 1;
      };
      const lookup = args[0]!;
      if (isRange(lookup) && (lookup.range.r1 !== lookup.range.r2 || lookup.range.c1 !== lookup.range.c2)) {
        return { array: cellsOf(lookup, env).map(find) };
      }
      return find(scalar(lookup, env));
    }
    case "ISNUMBER": {
      const a = args[0];
      if (isArray(a)) return { array: a.array.map((x) => typeof x === "number") };
      return typeof scalar(a!, env) === "number";
    }
    case "SUMPRODUCT": {
      const a = args[0];
      const items = isArray(a) ? a.array : isRange(a) ? cellsOf(a, env) : [scalar(a!, env)];
      let sum = 0;
      for (const x of items) {
        if (isErr(x)) return x;
        if (typeof x === "number") sum += x;
      }
      return sum;
    }
    case "COUNTA":
      return args.reduce<number>((n, a) => n + (isRange(a) ? cellsOf(a, env).filter((c) => c !== "").length : 1), 0);
    default:
      return err("#NAME?");
  }
}

/** Evaluates `=...`; a formula the fake cannot read gives #NAME?. */
export function evaluateFormula(formula: string, env: FormulaEnv): FormulaValue {
  try {
    const v = new Parser(tokenize(formula.replace(/^=/, "")), env).parseAll();
    return scalar(v, env);
  } catch {
    return err("#NAME?");
  }
}
