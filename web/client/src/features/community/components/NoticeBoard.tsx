import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { fieldErrors, FormError, TextField } from "../../../components/Form";
import { RichText, RichTextEditor } from "../../../components/RichText";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useMunicipalities } from "../../../lib/reference";
import { useNotice, useNoticeActions, useNotices, type Notice, type NoticeKind } from "../api/community";
import { paths } from "@soskes/domain/paths";

const KINDS: NoticeKind[] = ["giving", "seeking", "announcement"];
const PAGE = 20;

const daysFromToday = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toISOString().slice(0, 10);
};
const shortDate = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { day: "numeric", month: "numeric", year: "numeric" }).format(
    new Date(`${iso}T12:00:00`),
  );

/** The form for a new notice and for editing one. */
function NoticeForm({ notice, onDone }: { notice?: Notice; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const { create, update } = useNoticeActions();
  const mutation = notice ? update : create;
  const [body, setBody] = useState(notice?.body ?? "");
  const errors = fieldErrors(mutation.error);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const target = e.currentTarget;
    const input = {
      kind: (form.get("kind") as NoticeKind | null) ?? "announcement",
      title: (form.get("title") as string | null) ?? "",
      body,
      expiresOn: (form.get("expiresOn") as string | null) ?? "",
    };
    const done = (n: Notice) => {
      if (!notice) {
        target.reset();
        setBody("");
      }
      onDone(n);
    };
    if (notice) update.mutate({ id: notice.id, ...input }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="field">
        <legend>{t("notices.kind")}</legend>
        {KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="kind" value={k} defaultChecked={(notice?.kind ?? "giving") === k} />{" "}
            {t(`notices.kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t("notices.titleLabel")}
        name="title"
        defaultValue={notice?.title}
        required
        minLength={3}
        maxLength={120}
        error={errors.title}
      />
      <RichTextEditor
        label={t("notices.body")}
        name="body"
        hint={t("notices.bodyHint")}
        value={body}
        onChange={setBody}
        rows={5}
        required
        minLength={10}
        maxLength={4000}
        error={errors.body}
      />
      <TextField
        label={t("notices.expiresOn")}
        hint={t("notices.expiresHint")}
        name="expiresOn"
        type="date"
        min={daysFromToday(0)}
        max={daysFromToday(90)}
        defaultValue={notice?.expired ? daysFromToday(30) : (notice?.expiresOn ?? daysFromToday(30))}
        required
        error={errors.expiresOn}
      />
      {Object.keys(errors).length === 0 && <FormError error={mutation.error} />}
      <button type="submit" className="button" disabled={mutation.isPending}>
        {mutation.isPending ? t("notices.saving") : notice ? t("notices.save") : t("notices.publish")}
      </button>
    </form>
  );
}

function NoticeCard({ notice, heading = "h2" }: { notice: Notice; heading?: "h1" | "h2" }) {
  const { t, i18n } = useTranslation();
  const municipalities = useMunicipalities();
  const navigate = useNavigate();
  const { remove } = useNoticeActions();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const H = heading;
  const place = municipalities.data?.find((m) => m.code === notice.municipalityCode)?.name;
  return (
    <article className="card" id={`ilmoitus-${notice.id}`}>
      <p className="card__meta">
        <span className="badge">{t(`notices.kinds.${notice.kind}`)}</span>
        {notice.expired && <span className="badge badge--mention">{t("notices.expired")}</span>}
      </p>
      <H className="card__title" tabIndex={heading === "h1" ? -1 : undefined}>
        {heading === "h2" ? <Link to={paths.notice(notice.id)}>{notice.title}</Link> : notice.title}
      </H>
      {editing ? (
        <NoticeForm notice={notice} onDone={() => setEditing(false)} />
      ) : (
        <RichText source={notice.body} headingOffset={2} />
      )}
      <p className="card__meta">
        <span>{notice.author.name}</span>
        {place && <span>{place}</span>}
        <span>{t("notices.showsUntil", { date: shortDate(notice.expiresOn, i18n.language) })}</span>
      </p>
      <div className="actions">
        {notice.abilities.update && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setEditing((e) => !e)}
          >
            {editing ? t("notices.cancel") : notice.expired ? t("notices.renew") : t("notices.edit")}
          </button>
        )}
        {notice.abilities.delete && !confirming && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setConfirming(true)}
          >
            {notice.mine ? t("notices.delete") : t("notices.remove")}
          </button>
        )}
        {confirming && (
          <>
            <span role="alert">{t("notices.confirm")}</span>
            <button
              type="button"
              className="button button--small"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(notice.id, {
                  onSuccess: () => (heading === "h1" ? navigate(paths.notices) : setConfirming(false)),
                })
              }
            >
              {t("notices.confirmYes")}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setConfirming(false)}
            >
              {t("notices.cancel")}
            </button>
          </>
        )}
      </div>
      <FormError error={remove.error} />
    </article>
  );
}

/** The notice board (kirpputori): giving away, looking for, announcements — each until its date. */
export function NoticeBoardPage() {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const [kind, setKind] = useState("");
  const [municipality, setMunicipality] = useState("");
  const [mine, setMine] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [posted, setPosted] = useState<Notice | null>(null);
  const list = useNotices({ kind, municipality, mine }, limit);
  return (
    <>
      <h1 tabIndex={-1}>{t("notices.title")}</h1>
      <p className="lead">{t("notices.intro")}</p>
      <div className="filters" role="group" aria-label={t("notices.filters")}>
        <div className="field">
          <label htmlFor="notice-kind">{t("notices.kind")}</label>
          <select id="notice-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t("notices.allKinds")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`notices.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="notice-municipality">{t("search.municipality")}</label>
          <select
            id="notice-municipality"
            value={municipality}
            onChange={(e) => setMunicipality(e.target.value)}
          >
            <option value="">{t("notices.allMunicipalities")}</option>
            {(municipalities.data ?? []).map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <label>
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />{" "}
          {t("notices.mine")}
        </label>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.total === 0 ? (
        <p>{kind || municipality || mine ? t("notices.noneFiltered") : t("notices.none")}</p>
      ) : (
        <>
          <p>{t("notices.count", { count: list.data.total })}</p>
          <ul className="cards">
            {list.data.data.map((n) => (
              <li key={n.id}>
                <NoticeCard notice={n} />
              </li>
            ))}
          </ul>
          {list.data.total > list.data.data.length && (
            <button
              type="button"
              className="button button--secondary"
              disabled={list.isFetching}
              onClick={() => setLimit((l) => Math.min(l + PAGE, 100))}
            >
              {t("answers.more")}
            </button>
          )}
        </>
      )}
      <section aria-labelledby="new-notice">
        <h2 id="new-notice">{t("notices.new")}</h2>
        {posted && (
          <p role="status" className="alert alert--success">
            {t("notices.posted")} <Link to={paths.notice(posted.id)}>{posted.title}</Link>
          </p>
        )}
        <NoticeForm onDone={setPosted} />
      </section>
    </>
  );
}

export function NoticePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const notice = useNotice(id);
  return (
    <>
      <p>
        <Link to={paths.notices}>← {t("notices.title")}</Link>
      </p>
      {notice.isPending ? (
        <Loading />
      ) : notice.error ? (
        <>
          <h1 tabIndex={-1}>{t("notices.title")}</h1>
          <ErrorMessage error={notice.error} />
        </>
      ) : (
        <NoticeCard notice={notice.data} heading="h1" />
      )}
    </>
  );
}
