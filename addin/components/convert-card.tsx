import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../shared/result.ts";
import type { PanePort } from "../host/lazy-port.ts";
import { useConvertFlow } from "../hooks/use-convert-flow.ts";
import { useI18n } from "../hooks/use-i18n.ts";
import { canConfirm, changeLine, hasLegacyText } from "../model/convert-flow.ts";
import { BusyLine } from "./busy-line.tsx";
import { ErrorBar } from "./error-bar.tsx";
import { InfoBar } from "./info-bar.tsx";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "8px", marginTop: "8px" },
  list: { margin: "4px 0", paddingLeft: "18px", maxHeight: "240px", overflowY: "auto", fontSize: tokens.fontSizeBase200 },
});

/**
 * "Chuyển mã TCVN3/VNI" (issue 11): a small button under `Kiểm tra` (a hint with it when the check
 * found legacy text), a preview of every cell it will change, and the write only on the user's yes.
 */
export function ConvertCard(props: {
  port: PanePort | null;
  issues: readonly Issue[] | null;
  busy: boolean;
  recheck: () => Promise<void>;
}) {
  const { t } = useI18n();
  const s = useStyles();
  const flow = useConvertFlow(props.port, props.recheck);
  const working = flow.status === "reading" || flow.status === "writing";
  const legacy = hasLegacyText(props.issues);
  return (
    <div className={s.col} data-testid="convert">
      {legacy && flow.status === "idle" ? <div>{t("convertLegacyHint")}</div> : null}
      {flow.status !== "preview" ? (
        <div>
          <Button
            data-testid="convert-legacy"
            appearance={legacy ? "primary" : "secondary"}
            size={legacy ? "medium" : "small"}
            disabled={props.busy || working}
            onClick={() => void flow.preview()}
          >
            {t("convertLegacy")}
          </Button>
        </div>
      ) : null}
      {flow.status === "reading" ? <BusyLine label={t("convertReading")} /> : null}
      {flow.status === "writing" ? <BusyLine label={t("convertWriting")} /> : null}
      {flow.error ? <ErrorBar error={flow.error} testId="convert-error" /> : null}
      {flow.status === "preview" ? (
        <InfoBar intent={flow.changes.length > 0 ? "warning" : "info"} testId="convert-preview">
          {flow.changes.length > 0 ? <div>{t("convertPreview", { count: flow.changes.length })}</div> : <div>{t("convertNothing")}</div>}
          {!flow.fonts ? <div data-testid="convert-no-fonts">{t("convertNoFonts")}</div> : null}
          {flow.changes.length > 0 ? (
            <ul className={s.list} data-testid="convert-changes">
              {flow.changes.map((c) => (
                <li key={`${c.sheet}!${c.cell}`}>{changeLine(c)}</li>
              ))}
            </ul>
          ) : null}
          <div className={s.row}>
            {canConfirm(flow) ? (
              <Button appearance="primary" data-testid="convert-confirm" disabled={props.busy} onClick={() => void flow.confirm()}>
                {t("convertConfirm", { count: flow.changes.length })}
              </Button>
            ) : null}
            <Button data-testid="convert-cancel" onClick={flow.cancel}>
              {t("convertCancel")}
            </Button>
          </div>
        </InfoBar>
      ) : null}
      {flow.status === "done" ? (
        <InfoBar intent="success" testId="convert-done">
          {t("convertDone", { count: flow.written })}
          {flow.stale.length > 0 ? <div>{t("convertStale", { count: flow.stale.length, cells: flow.stale.join(", ") })}</div> : null}
        </InfoBar>
      ) : null}
    </div>
  );
}
