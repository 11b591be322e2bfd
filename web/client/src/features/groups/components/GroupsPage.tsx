import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { fieldErrors, FormError, TextField } from "../../../components/Form";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useSignedIn } from "../../../lib/signed-in";
import { useCreateGroup, useGroups, type Group } from "../api/groups";
import { paths } from "@soskes/domain/paths";

function GroupRow({ group }: { group: Group }) {
  const { t } = useTranslation();
  const member = group.membership.state === "active";
  return (
    <li className="card group-row">
      <h2 className="card__title">
        <Link to={paths.group(group.id)}>{group.name}</Link>
        {member && group.unread > 0 && (
          <span className="badge" aria-label={t("groups.unread", { count: group.unread })}>
            {group.unread}
          </span>
        )}
        {member && group.mentions > 0 && (
          <span
            className="badge badge--mention"
            aria-label={t("groups.mentionsCount", { count: group.mentions })}
          >
            @{group.mentions}
          </span>
        )}
      </h2>
      <p className="note">
        {t(`groups.visibility.${group.visibility}`)} · {t("groups.members", { count: group.memberCount })}
        {group.status !== "active" && <> · {t(`groups.status.${group.status}`)}</>}
        {group.membership.state !== "none" && group.membership.state !== "active" && (
          <> · {t(`groups.state.${group.membership.state}`)}</>
        )}
      </p>
      {group.description && <p>{group.description}</p>}
    </li>
  );
}

function CreateGroup({ staff }: { staff: boolean }) {
  const { t } = useTranslation();
  const create = useCreateGroup();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Group | null>(null);
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    create.mutate(
      {
        name: (form.get("name") as string | null) ?? "",
        description: (form.get("description") as string | null) ?? "",
        rules: (form.get("rules") as string | null) ?? "",
        visibility: form.get("visibility") === "open" ? "open" : "closed",
      },
      {
        onSuccess: (group) => {
          setCreated(group);
          setOpen(false);
        },
      },
    );
  };
  return (
    <section aria-labelledby="create-group">
      <h2 id="create-group">{staff ? t("groups.create") : t("groups.propose")}</h2>
      {created && (
        <p role="status" className="alert alert--success">
          {created.status === "proposed"
            ? t("groups.proposed", { name: created.name })
            : t("groups.created", { name: created.name })}{" "}
          <Link to={paths.group(created.id)}>{t("groups.open")}</Link>
        </p>
      )}
      {!open ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setOpen(true)}
          aria-expanded={false}
        >
          {staff ? t("groups.create") : t("groups.propose")}
        </button>
      ) : (
        <form onSubmit={submit} className="form" noValidate>
          {!staff && <p className="note">{t("groups.proposeHint")}</p>}
          <TextField
            label={t("groups.name")}
            name="name"
            required
            minLength={3}
            maxLength={120}
            error={errors.name}
            autoFocus
          />
          <div className="field">
            <label htmlFor="group-description">{t("groups.description")}</label>
            <textarea id="group-description" name="description" maxLength={2000} rows={3} />
          </div>
          <div className="field">
            <label htmlFor="group-rules">{t("groups.rules")}</label>
            <textarea id="group-rules" name="rules" maxLength={4000} rows={3} />
          </div>
          <fieldset className="field">
            <legend>{t("groups.visibilityLabel")}</legend>
            <label>
              <input type="radio" name="visibility" value="closed" defaultChecked />{" "}
              {t("groups.visibility.closed")} – {t("groups.visibilityHint.closed")}
            </label>
            <label>
              <input type="radio" name="visibility" value="open" /> {t("groups.visibility.open")} –{" "}
              {t("groups.visibilityHint.open")}
            </label>
          </fieldset>
          <FormError error={Object.keys(errors).length ? null : create.error} />
          <div className="actions">
            <button type="submit" className="button" disabled={create.isPending}>
              {create.isPending ? t("groups.saving") : staff ? t("groups.create") : t("groups.propose")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t("groups.cancel")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

export function GroupsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const groups = useGroups();
  const staff = me?.abilities.createGroups ?? false;
  const mine = groups.data?.filter((g) => g.membership.state === "active") ?? [];
  const others = groups.data?.filter((g) => g.membership.state !== "active") ?? [];
  return (
    <>
      <h1 tabIndex={-1}>{t("groups.title")}</h1>
      <p className="lead">{t("groups.intro")}</p>
      {groups.isPending ? (
        <Loading />
      ) : groups.error ? (
        <ErrorMessage error={groups.error} onRetry={() => void groups.refetch()} />
      ) : (
        <>
          <section aria-labelledby="my-groups">
            <h2 id="my-groups">{t("groups.mine")}</h2>
            {mine.length === 0 ? (
              <p>{t("groups.noneMine")}</p>
            ) : (
              <ul className="cards">
                {mine.map((g) => (
                  <GroupRow key={g.id} group={g} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="other-groups">
            <h2 id="other-groups">{t("groups.others")}</h2>
            {others.length === 0 ? (
              <p>{t("groups.noneOthers")}</p>
            ) : (
              <ul className="cards">
                {others.map((g) => (
                  <GroupRow key={g.id} group={g} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <CreateGroup staff={staff} />
    </>
  );
}

export { GroupsPage as Component };
