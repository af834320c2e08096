import { useState } from "react";
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, parsePlanYear } from "../../../shared/schemas/plan-year.ts";
import { useWebI18n } from "../hooks/use-web-i18n.ts";

/** The plan year: a number field; the page follows it once it is a plan year. */
export function YearInput(props: { year: number; onChange: (year: number) => void }) {
  const { t } = useWebI18n();
  const [text, setText] = useState(String(props.year));
  return (
    <p className="year">
      <label htmlFor="year">{t("yearTitle")}</label>{" "}
      <input
        id="year"
        type="number"
        inputMode="numeric"
        min={MIN_PLAN_YEAR}
        max={MAX_PLAN_YEAR}
        value={text}
        data-testid="year-input"
        onChange={(e) => {
          setText(e.target.value);
          const y = parsePlanYear(e.target.value);
          if (y !== null) props.onChange(y);
        }}
      />
    </p>
  );
}
