import { useCallback } from "react";
import type { ReferenceData } from "../../../shared/reference/index.ts";
import type { LazyApi } from "../../host/lazy-api.ts";
import type { TemplatePlan } from "../../model/template-plan.ts";
import { useAction } from "../hooks/use-action.ts";
import { useWebI18n } from "../hooks/use-web-i18n.ts";
import { ErrorNotice } from "./error-notice.tsx";
import { Notice } from "./notice.tsx";

/** `Tải biểu mẫu`: the unit's blank template of the year, built in the browser by the CLI's builder and writer. */
export function TemplateDownload(props: { api: LazyApi; plan: TemplatePlan; year: number; reference: ReferenceData }) {
  const { t, lang } = useWebI18n();
  const { api, plan, year, reference } = props;
  const work = useCallback(async () => {
    if (plan.kind === "error") return { ok: false as const, error: plan.error };
    const { templateSheets } = await import("../../model/template-sheets.ts");
    const client = plan.kind === "ntm2" ? await api.client() : null;
    const built = await templateSheets(client, plan.unit, year, plan.kind === "ntm2" ? plan.setup : undefined, reference);
    if (!built.ok) {
      const error = {
        source: "addin" as const,
        code: "errorUnitNotInSetup",
        params: { code: plan.unit.code, year },
        status: null,
        issues: [],
        detail: null,
      };
      return { ok: false as const, error };
    }
    const [{ sheetsXlsx }, { loadExcel, saveXlsx }] = await Promise.all([
      import("../../../cli/xlsx/workbook-bytes.ts"),
      import("../xlsx/save-xlsx.ts"),
    ]);
    const file = `bieu-mau-${plan.unit.code}-${year}.xlsx`;
    saveXlsx(await sheetsXlsx(await loadExcel(), built.sheets), file);
    return { ok: true as const, value: { file, carry: built.carry ?? [] } };
  }, [api, plan, year, reference]);
  const action = useAction(work);
  return (
    <section className="card" aria-labelledby="template-title">
      <h2 id="template-title">{t("templateTitle")}</h2>
      <p className="hint">{t("templateHint")}</p>
      <button type="button" onClick={() => void action.run()} disabled={action.busy} data-testid="template-download">
        {action.busy ? t("templateBuilding") : t("templateDownload", { year })}
      </button>
      {action.done ? (
        <Notice kind="success" testId="template-done">
          {t("templateDone", { file: action.done.file })}
          {action.done.carry.map((n) => (
            <div key={n.vi}>{lang === "en" ? n.en : n.vi}</div>
          ))}
        </Notice>
      ) : null}
      <ErrorNotice error={action.error} />
    </section>
  );
}
