import { expect } from "vitest";
import type { Catalogue } from "../../../shared/text/catalogue.ts";
import { renderBoth } from "../../../shared/text/catalogue.ts";
import { placeholders } from "../../../shared/text/placeholders.ts";

/**
 * Every entry of a catalogue in the one shape: non-empty `vi` and `en`, the same `{name}`
 * placeholders in both, and every placeholder filled when rendered with a value for each.
 */
export function expectWellFormed(catalogue: Catalogue): void {
  const keys = Object.keys(catalogue);
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) {
    const { vi, en } = catalogue[key]!;
    expect([key, vi.trim().length > 0, en.trim().length > 0]).toEqual([key, true, true]);
    expect([key, placeholders(vi).sort()]).toEqual([key, placeholders(en).sort()]);
    const params = Object.fromEntries(placeholders(vi).map((name) => [name, `<${name}>`]));
    const both = renderBoth(catalogue, key, params);
    for (const text of [both.vi, both.en]) expect([key, /\{\w+\}/.test(text)]).toEqual([key, false]);
    for (const name of placeholders(vi))
      expect([key, both.vi.includes(`<${name}>`), both.en.includes(`<${name}>`)]).toEqual([key, true, true]);
  }
}
