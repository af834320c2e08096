import { makeStyles, ProgressBar } from "@fluentui/react-components";
import { useI18n } from "../hooks/use-i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";
import type { Progress } from "../model/district-flow.ts";

const STEPS: MessageKey[] = ["progressRead", "progressCheck", "progressSend", "progressSave"];
const useStyles = makeStyles({ list: { margin: 0, paddingLeft: "4px", listStyle: "none" } });

/** The send steps with a bar: done ✓, current …, to do ○. */
export function SubmitProgress({ progress }: { progress: Progress }) {
  const { t } = useI18n();
  const s = useStyles();
  return (
    <div data-testid="submit-progress" aria-live="polite">
      <ProgressBar value={progress / STEPS.length} thickness="large" />
      <ol className={s.list}>
        {STEPS.map((k, i) => (
          <li key={k}>
            {i < progress ? "✓" : i === progress ? "…" : "○"} {t(k)}
          </li>
        ))}
      </ol>
    </div>
  );
}
