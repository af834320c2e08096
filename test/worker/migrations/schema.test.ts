import { describe, expect, it } from "vitest";
import { db } from "../helpers.ts";

/** The constraints of migrations 0003-0005 refuse what the code must never write (each with an accepted control). */

const tries = async (sql: string, ...binds: unknown[]) =>
  db
    .prepare(sql)
    .bind(...binds)
    .run()
    .then(
      () => "ok",
      (e: unknown) =>
        /CHECK constraint failed/.test(String(e)) ? "check" : /FOREIGN KEY constraint failed/.test(String(e)) ? "fk" : String(e),
    );

describe("tokens", () => {
  const token = (id: string, role: string, unit: string | null) =>
    tries("INSERT INTO tokens (id, hash, role, unit, label, created_at) VALUES (?1, ?1, ?2, ?3, 'x', 't')", id, role, unit);

  it("role unit ⇔ a unit code of 3 or 5 digits; district is no longer a role", async () => {
    expect(await token("a", "unit", "183")).toBe("ok");
    expect(await token("b", "unit", "06148")).toBe("ok");
    expect(await token("c", "office", null)).toBe("ok");
    expect(await token("d", "unit", null)).toBe("check");
    expect(await token("e", "office", "183")).toBe("check");
    expect(await token("f", "district", "183")).toBe("check");
    expect(await token("g", "unit", "1834")).toBe("check");
    expect(await token("h", "unit", "18a")).toBe("check");
  });
});

describe("submissions", () => {
  const revision = (id: string, unit: string, round: string) =>
    tries(
      "INSERT INTO submissions (id, unit, year, round, revision, content_hash, template_version, header, aggregate, communes, submitted_by, submitted_at) " +
        "VALUES (?1, ?2, 2050, ?3, 1, 'h', 'NTM-1', '{}', '{}', 0, 's', 't')",
      id,
      unit,
      round,
    );

  it("round plan or result; a unit of 3 or 5 digits, no longer tied to the districts table", async () => {
    expect(await revision("s1", "183", "plan")).toBe("ok");
    expect(await revision("s2", "06148", "result")).toBe("ok");
    expect(await revision("s3", "999", "plan")).toBe("ok");
    expect(await revision("s4", "183", "draft")).toBe("check");
    expect(await revision("s5", "18", "plan")).toBe("check");
  });
});

describe("commune rows and latest revisions (0005)", () => {
  it("a commune row's group is 1, 2, 3 or NULL; a latest row needs its aggregate and a setup version that exists", async () => {
    await tries(
      "INSERT INTO submissions (id, unit, year, round, revision, content_hash, template_version, header, aggregate, communes, submitted_by, submitted_at) " +
        "VALUES ('g1', '06148', 2051, 'plan', 1, 'h', 'NTM-2', '{}', '{}', 0, 's', 't')",
    );
    const row = (code: string, grp: number | null) =>
      tries(
        "INSERT INTO submission_communes (submission_id, code, name, flags, ht, kh, grp, marks) VALUES ('g1', ?1, 'Xã', 1, 0, 0, ?2, 1)",
        code,
        grp,
      );
    expect(await row("06148", 3)).toBe("ok");
    expect(await row("06151", null)).toBe("ok");
    expect(await row("06157", 4)).toBe("check");
    expect(await row("06160", 0)).toBe("check");
    const latest = (aggregate: string | null, setup: string | null) =>
      tries(
        "INSERT INTO latest_submissions (year, round, unit, submission_id, revision, content_hash, aggregate, setup_id) " +
          "VALUES (2051, 'plan', '06148', 'g1', 1, 'h', ?1, ?2)",
        aggregate,
        setup,
      );
    expect(await latest(null, null)).toMatch(/NOT NULL constraint failed: latest_submissions.aggregate/);
    expect(await latest("{}", "no-such-setup")).toBe("fk");
    expect(await latest("{}", null)).toBe("ok");
  });
});

describe("setups", () => {
  const head = (id: string, year: number, level: string) =>
    tries(
      "INSERT INTO setups (id, year, version, criteria_set_id, criteria_set, level, plan_flags, capital_rows, has_communes, units, communes, " +
        "content_hash, applied_at, applied_by) VALUES (?1, ?2, 1, '2026-2030', '{}', ?3, '[]', '[]', 1, 1, 1, 'h', 't', 'a')",
      id,
      year,
      level,
    );

  it("level huyện or xã; a commune belongs to a unit of its own setup version", async () => {
    expect(await head("v1", 2060, "xã")).toBe("ok");
    expect(await head("v2", 2061, "tỉnh")).toBe("check");
    expect(await tries("INSERT INTO setup_units (setup_id, code, sort, name, attributes) VALUES ('v1', '06148', 0, 'Xã A', '{}')")).toBe(
      "ok",
    );
    const communeOf = (code: string, unit: string, grp: number | null) =>
      tries(
        "INSERT INTO setup_communes (setup_id, code, sort, name, unit, grp, attributes, former_codes) VALUES ('v1', ?1, ?2, 'Xã', ?3, ?4, '{}', '[]')",
        code,
        Number(code),
        unit,
        grp,
      );
    expect(await communeOf("06148", "06148", 3)).toBe("ok");
    expect(await communeOf("06151", "06151", 1)).toBe("fk");
    expect(await communeOf("06157", "06148", 4)).toBe("check");
    expect(await tries("INSERT INTO setup_units (setup_id, code, sort, name, attributes) VALUES ('nope', '183', 0, 'H', '{}')")).toBe("fk");
  });
});
