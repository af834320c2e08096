import { describe, expect, it } from "vitest";
import { closestWord, editDistance } from "../../../shared/text/closest.ts";

const COMMANDS = ["template", "validate", "consolidate", "submit", "report", "token", "help"];

describe("editDistance", () => {
  it.each([
    ["submit", "submit", 0],
    ["sumbit", "submit", 1], // one transposition
    ["submt", "submit", 1],
    ["submitt", "submit", 1],
    ["sabmit", "submit", 1],
    ["tokne", "token", 1],
    ["", "token", 5],
    ["frobnicate", "consolidate", 7],
    ["ca", "abc", 3], // optimal string alignment: no edit of a transposed pair
  ])("%s → %s: %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("closestWord", () => {
  it.each([
    ["sumbit", "submit"],
    ["valdiate", "validate"],
    ["tempalte", "template"],
    ["reprot", "report"],
    ["tokens", "token"],
    ["SUBMIT", "submit"],
    ["hlep", "help"],
  ])("a near miss %s → %s", (typed, word) => {
    expect(closestWord(typed, COMMANDS)).toBe(word);
  });

  it.each([
    ["cons", "consolidate"],
    ["te", "template"],
    ["to", "token"],
    ["sub", "submit"],
    ["rep", "report"],
    ["val", "validate"],
  ])("a unique prefix %s → %s", (typed, word) => {
    expect(closestWord(typed, COMMANDS)).toBe(word);
  });

  it.each(["frobnicate", "deploy", "t", "q", "xyz", ""])("no suggestion for %j (far, ambiguous or too short)", (typed) => {
    expect(closestWord(typed, COMMANDS)).toBeNull();
  });

  it("three edits are too many; a tie is no suggestion", () => {
    expect(closestWord("sxbmxx", COMMANDS)).toBeNull();
    expect(closestWord("ab", ["ax", "xb"])).toBeNull();
    expect(closestWord("abc", ["abx", "xyz"])).toBe("abx");
  });
});
