import { Field, Input } from "@fluentui/react-components";
import { useI18n } from "../hooks/use-i18n.ts";

/** The plan year (4 digits). */
export function YearField({ year, onChange }: { year: number; onChange: (y: number) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t("year")}>
      <Input type="number" min={2000} max={2100} value={String(year)} size="large" data-testid="year-input"
        onChange={(_, d) => { const n = Number(d.value); if (Number.isInteger(n) && n >= 2000 && n <= 2100) onChange(n); }} />
    </Field>
  );
}
