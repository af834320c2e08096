import { expect, it } from "vitest";
import { DEFAULT_REFERENCE } from "../../../shared/reference/index.ts";
import { loadReference } from "../../../worker/db/reference.ts";
import { db } from "../helpers.ts";

it("the migrations seed exactly the default reference data (districts and NTM-1 criteria)", async () => {
  const ref = await loadReference(db);
  expect(ref).toEqual({ districts: DEFAULT_REFERENCE.districts, criteria: DEFAULT_REFERENCE.criteria });
});

it("seeded names are NFC", async () => {
  const ref = await loadReference(db);
  const names = [...ref.districts.map((d) => d.name), ...ref.criteria.criteria.map((c) => c.name)];
  expect(names.filter((n) => n !== n.normalize("NFC"))).toEqual([]);
});
