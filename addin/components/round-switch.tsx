import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import type { Round } from "../../shared/schemas/api/common.ts";
import { useI18n } from "../hooks/use-i18n.ts";

/** The reporting round the office looks at: Kế hoạch (plan) or Kết quả (result). */
export function RoundSwitch({ round, onChange }: { round: Round; onChange: (r: Round) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t("roundLabel")}>
      <RadioGroup
        layout="horizontal"
        value={round}
        onChange={(_, d) => onChange(d.value === "result" ? "result" : "plan")}
        data-testid="round-switch"
      >
        <Radio value="plan" label={t("roundPlan")} data-testid="round-plan" />
        <Radio value="result" label={t("roundResult")} data-testid="round-result" />
      </RadioGroup>
    </Field>
  );
}
