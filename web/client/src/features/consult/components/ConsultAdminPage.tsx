import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { AdminOnly } from "../../../components/AdminOnly";
import { BarChart } from "../../../components/BarChart";
import { fieldErrors, FormError, TextField } from "../../../components/Form";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useServiceAreas } from "../../../lib/reference";
import {
  useAuditLog,
  usePanelAdmin,
  usePanelCandidates,
  usePanels,
  useReport,
  type ReportRow,
} from "../api/consult";

const hours = (h: number | null, lang: string) =>
  h === null ? "–" : new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(h);

function Report() {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const report = useReport(from, to);
  const params = new URLSearchParams({ format: "csv" });
  if (from) params.set("from", from);
  if (to) params.set("to", to);
  const cells = (r: ReportRow) => [
    r.requests,
    r.open,
    r.answered,
    hours(r.medianHours, i18n.language),
    hours(r.p90Hours, i18n.language),
    r.overdue,
    r.late,
  ];
  const columns = ["requests", "open", "answered", "median", "p90", "overdue", "late"] as const;
  return (
    <section aria-labelledby="report">
      <h2 id="report">{t("consultAdmin.report")}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="report-from">{t("consultAdmin.from")}</label>
          <input id="report-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="report-to">{t("consultAdmin.to")}</label>
          <input id="report-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <a
          className="button button--secondary"
          href={`/api/admin/consult-report?${params.toString()}`}
          download
        >
          {t("consultAdmin.csv")}
        </a>
      </div>
      {report.isPending ? (
        <Loading />
      ) : report.error ? (
        <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.rows.length === 0 ? (
        <p>{t("consult.noPanels")}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table table--numbers">
              <caption className="visually-hidden">{t("consultAdmin.report")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("consultAdmin.panel")}</th>
                  {columns.map((c) => (
                    <th key={c} scope="col">
                      {t(`consultAdmin.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.data.rows.map((r) => (
                  <tr key={r.panelId}>
                    <th scope="row">{r.panel}</th>
                    {cells(r).map((v, i) => (
                      <td key={i}>{v}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("consultAdmin.total")}</th>
                  {cells(report.data.total).map((v, i) => (
                    <td key={i}>{v}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          <BarChart
            summary={t("consultAdmin.chartSummary")}
            unit=" h"
            series={[
              { name: t("consultAdmin.columns.median"), className: "chart__a" },
              { name: t("consultAdmin.columns.p90"), className: "chart__b" },
            ]}
            rows={report.data.rows.map((r) => ({ label: r.panel, values: [r.medianHours, r.p90Hours] }))}
          />
        </>
      )}
    </section>
  );
}

function Panels() {
  const { t } = useTranslation();
  const panels = usePanels();
  const areas = useServiceAreas();
  const users = usePanelCandidates();
  const { create, seat, remove } = usePanelAdmin();
  const [created, setCreated] = useState(false);
  const errors = fieldErrors(create.error);
  const addPanel = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const target = e.currentTarget;
    create.mutate(
      {
        serviceArea: (form.get("serviceArea") as string | null) ?? "",
        name: (form.get("name") as string | null) ?? "",
      },
      {
        onSuccess: () => {
          setCreated(true);
          target.reset();
        },
      },
    );
  };
  if (panels.isPending) return <Loading />;
  if (panels.error) return <ErrorMessage error={panels.error} onRetry={() => void panels.refetch()} />;
  const taken = new Set(panels.data.map((p) => p.serviceArea));
  return (
    <section aria-labelledby="panels">
      <h2 id="panels">{t("consultAdmin.panels")}</h2>
      {panels.data.length === 0 && <p>{t("consult.noPanels")}</p>}
      {panels.data.map((p) => (
        <article key={p.id} className="card" aria-labelledby={`panel-${p.id}`}>
          <h3 id={`panel-${p.id}`} className="card__title">
            {p.name}
          </h3>
          {p.members.length === 0 ? (
            <p className="note">{t("consultAdmin.noMembers")}</p>
          ) : (
            <ul>
              {p.members.map((m) => (
                <li key={m.id}>
                  {m.name}
                  {m.lead && <span className="badge">{t("consultAdmin.lead")}</span>}{" "}
                  <button
                    type="button"
                    className="link-button"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate({ panelId: p.id, userId: m.id })}
                  >
                    {t("consultAdmin.remove", { name: m.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="filters"
            onSubmit={(e) => {
              e.preventDefault();
              const form = new FormData(e.currentTarget);
              const userId = Number(form.get("userId"));
              if (userId) seat.mutate({ panelId: p.id, userId, lead: form.get("lead") === "on" });
            }}
          >
            <div className="field">
              <label htmlFor={`seat-${p.id}`}>{t("consultAdmin.addMember")}</label>
              <select id={`seat-${p.id}`} name="userId" disabled={!users.data}>
                {(users.data ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({u.email})
                  </option>
                ))}
              </select>
            </div>
            <label>
              <input type="checkbox" name="lead" /> {t("consultAdmin.asLead")}
            </label>
            <button type="submit" className="button button--secondary" disabled={seat.isPending}>
              {t("consultAdmin.seat")}
            </button>
          </form>
        </article>
      ))}
      <FormError error={seat.error ?? remove.error} />
      <form className="form" onSubmit={addPanel} noValidate aria-labelledby="new-panel">
        <h3 id="new-panel">{t("consultAdmin.newPanel")}</h3>
        {created && !create.error && (
          <p role="status" className="alert alert--success">
            {t("consultAdmin.created")}
          </p>
        )}
        <div className="field">
          <label htmlFor="panel-area">{t("search.serviceArea")}</label>
          <select id="panel-area" name="serviceArea">
            {(areas.data ?? [])
              .filter((a) => !taken.has(a.slug))
              .map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name}
                </option>
              ))}
          </select>
        </div>
        <TextField
          label={t("consultAdmin.panelName")}
          name="name"
          required
          minLength={3}
          maxLength={200}
          error={errors.name}
        />
        {Object.keys(errors).length === 0 && <FormError error={create.error} />}
        <button type="submit" className="button" disabled={create.isPending}>
          {t("consultAdmin.create")}
        </button>
      </form>
    </section>
  );
}

function Audit() {
  const { t, i18n } = useTranslation();
  const log = useAuditLog();
  return (
    <section aria-labelledby="audit">
      <h2 id="audit">{t("consultAdmin.audit")}</h2>
      <p className="note">{t("consultAdmin.auditHint")}</p>
      <p>
        <a className="button button--secondary" href="/api/admin/audit?format=csv" download>
          {t("consultAdmin.csv")}
        </a>
      </p>
      {log.isPending ? (
        <Loading />
      ) : log.error ? (
        <ErrorMessage error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.length === 0 ? (
        <p>{t("consultAdmin.auditEmpty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("consultAdmin.audit")}</caption>
            <thead>
              <tr>
                {(["at", "actor", "action", "resource", "outcome"] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`consultAdmin.auditColumns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {log.data.map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.at).toLocaleString(i18n.language)}</td>
                  <td>{e.actor ?? t("consultAdmin.system")}</td>
                  <td>{e.action}</td>
                  <td>
                    {e.resourceType} {e.resourceId}
                  </td>
                  <td>{t(`consultAdmin.outcome.${e.outcome}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** eKonsultaatio for admins: the report (table and chart), the panels, and the audit log. */
export function ConsultAdminPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t("consultAdmin.title")}>
      <h1 tabIndex={-1}>{t("consultAdmin.title")}</h1>
      <Report />
      <Panels />
      <Audit />
    </AdminOnly>
  );
}
