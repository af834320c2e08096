import { Field, Select } from "@fluentui/react-components";
import type { UnitLevel } from "../../shared/setup/types.ts";
import { useI18n } from "../hooks/use-i18n.ts";

export type UnitChoice = { code: string; name: string };

/**
 * The reporting unit a template is for (a district, or at level xã a commune): fixed for a unit
 * token, chosen by the office from the year's units. The test ids are the district picker's.
 */
export function UnitPicker(props: {
  units: readonly UnitChoice[];
  level: UnitLevel;
  value: string;
  fixed: boolean;
  onChange: (code: string) => void;
}) {
  const { t } = useI18n();
  const current = props.units.find((u) => u.code === props.value);
  const commune = props.level === "xã";
  if (props.fixed)
    return (
      <div data-testid="district-fixed">
        {t(commune ? "communeUnitOf" : "districtOf", { name: current?.name ?? props.value, code: props.value })}
      </div>
    );
  return (
    <Field label={t(commune ? "chooseCommuneUnit" : "chooseDistrict")}>
      <Select size="large" value={props.value} onChange={(_, d) => props.onChange(d.value)} data-testid="district-select">
        {props.units.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name} ({u.code})
          </option>
        ))}
      </Select>
    </Field>
  );
}
