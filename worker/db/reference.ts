import type { CriteriaSet, Criterion } from "../../shared/reference/criteria.ts";
import type { District } from "../../shared/reference/districts.ts";
import type { ReferenceData } from "../../shared/reference/index.ts";
import type { Db, Stmt } from "./types.ts";

/** The template version whose criteria set the server uses (NTM-1 is the only one so far). */
const TEMPLATE_VERSION = "NTM-1";

type DistrictRow = { code: string; name: string; border: number };
type CriterionRow = { number: number; name: string; name_en: string; period: string };

/** The two statements that read reference data; run them inside a caller's batch. */
export function referenceStatements(db: Db): [Stmt, Stmt] {
  return [
    db.prepare("SELECT code, name, border FROM districts ORDER BY sort, code"),
    db
      .prepare(
        "SELECT c.number, c.name, c.name_en, s.period FROM criteria c " +
          "JOIN criteria_sets s ON s.template_version = c.template_version " +
          "WHERE c.template_version = ?1 ORDER BY c.number",
      )
      .bind(TEMPLATE_VERSION),
  ];
}

/** Reference data from the results of `referenceStatements`. */
export function readReference(districtRows: readonly unknown[], criterionRows: readonly unknown[]): ReferenceData {
  const districts: District[] = (districtRows as DistrictRow[]).map((r) => ({
    code: r.code,
    name: r.name,
    border: r.border === 1,
  }));
  const rows = criterionRows as CriterionRow[];
  const criteria: Criterion[] = rows.map((r) => ({ number: r.number, name: r.name, nameEn: r.name_en }));
  const set: CriteriaSet = { templateVersion: TEMPLATE_VERSION, period: rows[0]?.period ?? "", criteria };
  return { districts, criteria: set };
}

/** Reference data alone: one batch of two statements. */
export async function loadReference(db: Db): Promise<ReferenceData> {
  const [d, c] = await db.batch(referenceStatements(db));
  return readReference(d?.results ?? [], c?.results ?? []);
}
