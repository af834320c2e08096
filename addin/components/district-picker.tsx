import { Field, Select } from "@fluentui/react-components";
import type { District } from "../../shared/reference/districts.ts";
import { useI18n } from "../hooks/use-i18n.ts";

/** The district a template is for: fixed for a district token, chosen by the office. */
export function DistrictPicker(props: { districts: readonly District[]; value: string; fixed: boolean; onChange: (code: string) => void }) {
  const { t } = useI18n();
  const current = props.districts.find((d) => d.code === props.value);
  if (props.fixed)
    return <div data-testid="district-fixed">{t("districtOf", { name: current?.name ?? props.value, code: props.value })}</div>;
  return (
    <Field label={t("chooseDistrict")}>
      <Select size="large" value={props.value} onChange={(_, d) => props.onChange(d.value)} data-testid="district-select">
        {props.districts.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name} ({d.code})
          </option>
        ))}
      </Select>
    </Field>
  );
}
