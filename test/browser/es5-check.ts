import { transformSync } from "esbuild";

/**
 * Whether a script is plain ES5 (what Internet Explorer 11 parses): esbuild must parse it, refuse
 * nothing for target es5 (let/const, classes, destructuring, for-of, spread, async… are refused),
 * and lower nothing (arrow functions and template literals would be rewritten, so the es5 output
 * would differ from the esnext output).
 */
export function es5Problems(source: string): string[] {
  let esnext: string;
  try {
    esnext = transformSync(source, { loader: "js", target: "esnext", minify: false }).code;
  } catch (e) {
    return [`does not parse: ${(e as Error).message}`];
  }
  let es5: string;
  try {
    es5 = transformSync(source, { loader: "js", target: "es5", minify: false }).code;
  } catch (e) {
    const errors = (e as { errors?: { text: string }[] }).errors ?? [];
    return errors.length > 0 ? errors.map((x) => x.text) : [(e as Error).message];
  }
  return es5 === esnext ? [] : ["uses syntax newer than ES5 (esbuild had to rewrite it for es5)"];
}
