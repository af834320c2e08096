import { describe, expect, it } from "vitest";
import { address, cell, toGrid, width } from "../../../shared/template/grid.ts";

describe("toGrid", () => {
  it("offsets addresses by the grid's top-left cell", () => {
    const g = toGrid({ name: "Tiêu chí", address: "'Tiêu chí'!B3:D9", values: [["a", "b"], ["c"]] });
    expect([g.top, g.left]).toEqual([3, 2]);
    expect(address(g, 0, 0)).toBe("B3");
    expect(address(g, 1, 2)).toBe("D4");
    expect(cell(g, 1, 0)).toBe("c");
    expect(cell(g, 1, 1)).toBeUndefined();
    expect(cell(g, 9, 9)).toBeUndefined();
    expect(width(g)).toBe(2);
  });
  it("survives junk: bad addresses, non-array values and rows", () => {
    const g = toGrid({ name: 5, address: "ZZZZ0", values: [null, "x", ["ok"]] } as never);
    expect([g.name, g.top, g.left]).toEqual(["", 1, 1]);
    expect(g.rows).toEqual([[], [], ["ok"]]);
    expect(toGrid({ name: "x", address: "A1", values: "nope" } as never).rows).toEqual([]);
  });
});
