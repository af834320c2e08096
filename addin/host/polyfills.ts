/**
 * The few ES2019+ library functions the bundle relies on that Office 2019's EdgeHTML (Edge 18)
 * lacks; the build target (es2017) only lowers syntax. Imported first by main.tsx.
 */
type AnyArray = unknown[] & { flat?: unknown; flatMap?: unknown };

const g = (typeof globalThis !== "undefined" ? globalThis : typeof self !== "undefined" ? self : window) as unknown as Record<
  string,
  unknown
>;
if (typeof g.globalThis === "undefined") g.globalThis = g;

if (typeof Object.fromEntries !== "function") {
  Object.defineProperty(Object, "fromEntries", {
    configurable: true,
    writable: true,
    value: (entries: Iterable<readonly [PropertyKey, unknown]>) => {
      const o: Record<PropertyKey, unknown> = {};
      for (const [k, v] of entries) o[k] = v;
      return o;
    },
  });
}

if (typeof (Object as { hasOwn?: unknown }).hasOwn !== "function") {
  Object.defineProperty(Object, "hasOwn", {
    configurable: true,
    writable: true,
    value: (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(o, k),
  });
}

const proto = Array.prototype as unknown as AnyArray;
if (typeof proto.flat !== "function") {
  Object.defineProperty(Array.prototype, "flat", {
    configurable: true,
    writable: true,
    value: function flat(this: unknown[], depth = 1): unknown[] {
      const out: unknown[] = [];
      for (const x of this) {
        if (Array.isArray(x) && depth > 0) out.push(...(x as unknown[] & { flat(d: number): unknown[] }).flat(depth - 1));
        else out.push(x);
      }
      return out;
    },
  });
}
if (typeof proto.flatMap !== "function") {
  Object.defineProperty(Array.prototype, "flatMap", {
    configurable: true,
    writable: true,
    value: function flatMap(this: unknown[], fn: (x: unknown, i: number, a: unknown[]) => unknown, thisArg?: unknown): unknown[] {
      const out: unknown[] = [];
      this.forEach((x, i, a) => {
        const r = fn.call(thisArg, x, i, a);
        if (Array.isArray(r)) out.push(...r);
        else out.push(r);
      });
      return out;
    },
  });
}

export {};
