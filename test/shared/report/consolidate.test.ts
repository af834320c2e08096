import { describe, expect, it } from "vitest";
import { reportSchema } from "../../../shared/schemas/report.ts";
import { consolidateSubmissions } from "../../../shared/report/consolidate.ts";
import { ALL, SETUP_2018, commune, range, submission } from "./helpers.ts";

const AT = "2018-03-01T00:00:00.000Z";
const ref = SETUP_2018;
const cao = submission("183", [commune("06199", ALL, ALL), commune("06202", [1], range(1, 6))], { credit: 5_000 });
const huu = submission("186", [commune("06412", [1, 2], range(1, 12))], { central: 1_000 });

describe("consolidateSubmissions", () => {
  it("consolidates files of one year: null revision fields, preparer and phone from the files", () => {
    const r = consolidateSubmissions(
      [
        { file: "cao-loc.xlsx", submission: cao },
        { file: "huu-lung.xlsx", submission: huu },
      ],
      ref,
      AT,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(reportSchema.safeParse(r.value).success).toBe(true);
    expect(r.value.year).toBe(2018);
    expect(r.value.generatedAt).toBe(AT);
    expect(r.value.overview.communes).toBe(3);
    expect(r.value.units.find((d) => d.code === "183")).toMatchObject({
      status: "submitted",
      revision: null,
      submittedAt: null,
      submittedBy: null,
      preparedBy: "Người lập 183",
      phone: "0205 183",
      communes: 2,
    });
    expect(r.value.units.filter((d) => d.status === "missing")).toHaveLength(9);
    expect(r.value.capital.sources.find((s) => s.key === "total")!.amount).toBe(6);
  });

  it("refuses a setup of another year than the files', naming both years", () => {
    const r = consolidateSubmissions([{ file: "cao-loc.xlsx", submission: cao }], { ...ref, year: 2019 }, AT);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "consolidate.setup_year_mismatch", severity: "error", sheet: null, cell: null });
    expect(r.issues[0]!.message).toBe("Cấu hình là của năm 2019, các tệp là của năm 2018. Dùng cấu hình của năm 2018.");
    expect(r.issues[0]!.messageEn).toBe("The setup is for 2019, the files are for 2018. Use the setup of 2018.");
  });

  it("refuses files of different plan years, naming the files of each year", () => {
    const r = consolidateSubmissions(
      [
        { file: "a.xlsx", submission: cao },
        { file: "b.xlsx", submission: { ...huu, year: 2019 } },
        { file: "c.xlsx", submission: submission("180", [], {}, 2019) },
      ],
      ref,
      AT,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      code: "consolidate.year_mismatch",
      severity: "error",
      sheet: null,
      cell: null,
      row: null,
      commune: null,
    });
    expect(r.issues[0]!.message).toContain("2018: a.xlsx; 2019: b.xlsx, c.xlsx");
    expect(r.issues[0]!.messageEn).toContain("2018: a.xlsx; 2019: b.xlsx, c.xlsx");
  });

  it("refuses the same Mã xã in two districts' files, naming both files and the commune", () => {
    const clash = submission("180", [commune("06001", [1], [1]), commune("06202", [1], [1, 2])]);
    const r = consolidateSubmissions(
      [
        { file: "cao.xlsx", submission: cao },
        { file: "trang-dinh.xlsx", submission: clash },
      ],
      ref,
      AT,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "consolidate.commune_in_two_districts", severity: "error", commune: "06202" });
    expect(r.issues[0]!.message).toContain("cao.xlsx");
    expect(r.issues[0]!.message).toContain("trang-dinh.xlsx");
    expect(r.issues[0]!.message).toContain("06202");
  });

  it("two files of one district: the later one wins, with a warning naming both", () => {
    const newer = submission("183", [commune("06199", ALL, ALL)], { credit: 9_000 });
    const r = consolidateSubmissions(
      [
        { file: "cao-cu.xlsx", submission: cao },
        { file: "huu.xlsx", submission: huu },
        { file: "cao-moi.xlsx", submission: newer },
      ],
      ref,
      AT,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: "consolidate.district_duplicate", severity: "warning", commune: null });
    expect(r.warnings[0]!.message).toContain("cao-cu.xlsx");
    expect(r.warnings[0]!.message).toContain("cao-moi.xlsx");
    expect(r.value.units.find((d) => d.code === "183")!.communes).toBe(1);
    expect(r.value.units.find((d) => d.code === "183")!.capitalTotal).toBe(9);
    expect(r.value.overview.communes).toBe(2);
  });

  it("a commune of a superseded file does not clash", () => {
    const old180 = submission("180", [commune("06412", [1], [1])]);
    const new180 = submission("180", [commune("06001", [1], [1])]);
    const r = consolidateSubmissions(
      [
        { file: "old.xlsx", submission: old180 },
        { file: "huu.xlsx", submission: huu },
        { file: "new.xlsx", submission: new180 },
      ],
      ref,
      AT,
    );
    expect(r.ok).toBe(true);
  });

  it("refuses an empty list of files", () => {
    const r = consolidateSubmissions([], ref, AT);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(["consolidate.no_files"]);
  });
});
