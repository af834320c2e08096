import { Field, Input } from "@fluentui/react-components";
import { useI18n } from "../hooks/use-i18n.ts";
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, isPlanYear } from "../../shared/schemas/plan-year.ts";

/** The plan year (4 digits). */
export function YearField({ year, onChange }: { year: number; onChange: (y: number) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t("year")}>
      <Input
        type="number"
        min={MIN_PLAN_YEAR}
        max={MAX_PLAN_YEAR}
        value={String(year)}
        size="large"
        data-testid="year-input"
        onChange={(_, d) => {
          const n = Number(d.value);
          if (isPlanYear(n)) onChange(n);
        }}
      />
    </Field>
  );
}
