import { DEFAULT_REFERENCE } from "../../../../shared/reference/index.ts";
import { buildTemplate } from "../../../../shared/template/build-template.ts";
import type { SheetModel } from "../../../../shared/template/sheet-model.ts";

/** The standard template of Cao Lộc (183) for 2018 with `rows` data rows and a few pre-filled communes. */
export function districtTemplate(
  rows = 30,
  communes = [
    { code: "06148", name: "Xã Hợp Thành" },
    { code: "06151", name: "Xã Tân Liên" },
  ],
): SheetModel[] {
  return buildTemplate({
    district: { code: "183", name: "Huyện Cao Lộc" },
    year: 2018,
    criteria: DEFAULT_REFERENCE.criteria,
    communes,
    rows,
  });
}
