import { Button, Field, Input, makeStyles } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useI18n } from "../hooks/use-i18n.ts";

const useStyles = makeStyles({ row: { display: "flex", gap: "8px", alignItems: "flex-end" }, grow: { flexGrow: 1 } });

/** The round's deadline (a date in Vietnam time) and "Lưu hạn nộp" (PUT /rounds/:year/:round; office and admin). */
export function DeadlineField(props: { deadline: string | null; busy: boolean; onSave: (date: string) => void }) {
  const { t } = useI18n();
  const s = useStyles();
  const [date, setDate] = useState(props.deadline ?? "");
  useEffect(() => setDate(props.deadline ?? ""), [props.deadline]);
  return (
    <div className={s.row}>
      <Field label={t("deadlineField")} className={s.grow}>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} data-testid="deadline-input" />
      </Field>
      <Button
        disabled={props.busy || date === "" || date === props.deadline}
        onClick={() => props.onSave(date)}
        data-testid="save-deadline"
      >
        {t("saveDeadline")}
      </Button>
    </div>
  );
}
