import { AckError, type WireMessage } from "@soskes/chat/client";
import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { CitedText } from "../../../components/RichText";
import { Link, useNavigate, useParams } from "react-router-dom";
import { FormError, TextField } from "../../../components/Form";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useSignedIn } from "../../../lib/signed-in";
import {
  useAddMember,
  useGroup,
  useGroupAction,
  useMembers,
  usePinned,
  useRemoveMember,
  useSetNotify,
  useSetRole,
  type Group,
  type GroupMember,
  type NotifyMode,
} from "../api/groups";
import { send, useConnection } from "../api/socket";
import { useConversation } from "../hooks/use-conversation";
import { paths } from "@soskes/domain/paths";

const REACTIONS = ["👍", "❤️", "😊", "🎉", "👀", "✅"] as const;
const time = (ms: number, lang: string) =>
  new Intl.DateTimeFormat(lang, {
    day: "numeric",
    month: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(ms);

/** Mentions ("@Name") shown as such; everything is text, never HTML. */
/** A message: @mentions stand out, statute references ("SHL 36 §") link to the law pages. */
function Body({ text, names }: { text: string; names: string[] }) {
  if (names.length === 0) return <CitedText text={text} />;
  const pattern = new RegExp(
    `(@(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")}))`,
    "g",
  );
  return (
    <>
      {text.split(pattern).map((part, i) =>
        i % 2 === 1 ? (
          <strong key={i} className="mention">
            {part}
          </strong>
        ) : (
          <CitedText key={i} text={part} />
        ),
      )}
    </>
  );
}

type ComposerProps = {
  members: GroupMember[];
  meId: number;
  placeholder: string;
  disabled?: boolean;
  onSend: (body: string, mentions: number[]) => Promise<void>;
  onTyping: () => void;
};

/** The message box: Enter sends, Shift+Enter makes a new line, "@" suggests members (arrows and Enter). */
function Composer({ members, meId, placeholder, disabled, onSend, onTyping }: ComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [mentions, setMentions] = useState<Map<string, number>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [active, setActive] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const query = /(?:^|\s)@([\p{L}-]*)$/u.exec(text)?.[1];
  const suggestions =
    query === undefined
      ? []
      : members
          .filter(
            (m) =>
              m.id !== meId && m.state === "active" && m.name.toLowerCase().startsWith(query.toLowerCase()),
          )
          .slice(0, 6);
  const pick = (m: GroupMember) => {
    setText((v) => v.replace(/@([\p{L}-]*)$/u, `@${m.name} `));
    setMentions((prev) => new Map(prev).set(m.name, m.id));
    setActive(0);
    box.current?.focus();
  };
  const submit = async () => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    setError(null);
    try {
      const ids = [...mentions].filter(([name]) => body.includes(`@${name}`)).map(([, id]) => id);
      await onSend(body, ids);
      setText("");
      setMentions(new Map());
    } catch (err) {
      setError(err instanceof AckError ? err.message : t("app.error"));
    } finally {
      setSending(false);
    }
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length > 0) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        setActive((a) => (a + (e.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        pick(suggestions[active] ?? suggestions[0]!);
        return;
      }
    }
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  };
  const listId = useMemo(() => `mentions-${Math.random().toString(36).slice(2)}`, []);
  return (
    <form
      className="composer"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="visually-hidden" htmlFor={`${listId}-box`}>
        {placeholder}
      </label>
      <textarea
        id={`${listId}-box`}
        ref={box}
        value={text}
        rows={2}
        maxLength={4000}
        placeholder={placeholder}
        disabled={disabled}
        role="combobox"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={suggestions.length > 0 ? `${listId}-${active}` : undefined}
        aria-describedby={`${listId}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          onTyping();
        }}
        onKeyDown={onKey}
      />
      <ul id={listId} role="listbox" className="mention-list" hidden={suggestions.length === 0}>
        {suggestions.map((m, i) => (
          <li
            key={m.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(m);
            }}
          >
            {m.name}
          </li>
        ))}
      </ul>
      <p id={`${listId}-hint`} className="note">
        {t("groups.composerHint")}
      </p>
      {error && (
        <p role="alert" className="alert alert--error">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={disabled || sending || !text.trim()}>
        {sending ? t("groups.sending") : t("groups.send")}
      </button>
    </form>
  );
}

type ItemProps = {
  message: WireMessage;
  meId: number;
  moderator: boolean;
  replies?: number;
  seenBy?: number;
  names: string[];
  writable: boolean;
  onThread?: () => void;
};

function MessageItem({ message, meId, moderator, replies, seenBy, names, writable, onThread }: ItemProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.body ?? "");
  const [error, setError] = useState<string | null>(null);
  const act = (event: string, payload: object) =>
    send(event, payload).catch((err: unknown) =>
      setError(err instanceof AckError ? err.message : t("app.error")),
    );
  const own = message.author.id === meId;
  if (message.deletedAt)
    return (
      <li className="message message--deleted" id={`viesti-${message.seq}`}>
        <span className="note">{t("groups.deleted")}</span>
      </li>
    );
  return (
    <li className="message" id={`viesti-${message.seq}`} tabIndex={-1}>
      <p className="message__meta">
        <strong>{message.author.name}</strong>{" "}
        <time dateTime={new Date(message.createdAt).toISOString()}>
          {time(message.createdAt, i18n.language)}
        </time>
        {message.editedAt && <span className="note"> · {t("groups.edited")}</span>}
        {message.pinned && <span className="note"> · 📌 {t("groups.pinned")}</span>}
      </p>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act("message:update", { messageId: message.id, body: draft }).then(() => setEditing(false));
          }}
        >
          <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
            {t("groups.edit")}
          </label>
          <textarea
            id={`edit-${message.id}`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={2}
            autoFocus
          />
          <div className="actions">
            <button type="submit" className="button">
              {t("groups.save")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
              {t("groups.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <p className="message__body">
          <Body text={message.body ?? ""} names={names} />
        </p>
      )}
      {error && (
        <p role="alert" className="alert alert--error">
          {error}
        </p>
      )}
      <div className="message__actions">
        {message.reactions.map((r) => (
          <button
            key={r.emoji}
            type="button"
            className="reaction"
            aria-pressed={r.userIds.includes(meId)}
            aria-label={t("groups.reactionCount", { emoji: r.emoji, count: r.userIds.length })}
            disabled={!writable}
            onClick={() => void act("message:react", { messageId: message.id, emoji: r.emoji })}
          >
            {r.emoji} {r.userIds.length}
          </button>
        ))}
        {writable && (
          <select
            aria-label={t("groups.react")}
            value=""
            onChange={(e) =>
              e.target.value && void act("message:react", { messageId: message.id, emoji: e.target.value })
            }
          >
            <option value="">{t("groups.react")}</option>
            {REACTIONS.map((emoji) => (
              <option key={emoji} value={emoji}>
                {emoji}
              </option>
            ))}
          </select>
        )}
        {onThread && (
          <button type="button" className="link-button" onClick={onThread}>
            {replies ? t("groups.replies", { count: replies }) : t("groups.reply")}
          </button>
        )}
        {own && writable && !editing && (
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            {t("groups.edit")}
          </button>
        )}
        {(own || moderator) && (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              window.confirm(t("groups.confirmDelete")) &&
              void act("message:delete", { messageId: message.id })
            }
          >
            {t("groups.delete")}
          </button>
        )}
        {moderator && (
          <button
            type="button"
            className="link-button"
            onClick={() => void act("message:pin", { messageId: message.id, pinned: !message.pinned })}
          >
            {message.pinned ? t("groups.unpin") : t("groups.pin")}
          </button>
        )}
        {own && seenBy !== undefined && seenBy > 0 && (
          <span className="note">{t("groups.seenBy", { count: seenBy })}</span>
        )}
      </div>
    </li>
  );
}

function Manage({ group, members }: { group: Group; members: GroupMember[] }) {
  const { t } = useTranslation();
  const add = useAddMember(group.id);
  const remove = useRemoveMember(group.id);
  const role = useSetRole(group.id);
  const action = useGroupAction(group.id);
  const [invited, setInvited] = useState<string | null>(null);
  const requests = members.filter((m) => m.state === "requested");
  return (
    <section aria-labelledby="manage" className="panel">
      <h2 id="manage">{t("groups.manage")}</h2>
      {requests.length > 0 && (
        <>
          <h3>{t("groups.requests")}</h3>
          <ul>
            {requests.map((m) => (
              <li key={m.id}>
                {m.name}{" "}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => add.mutate({ userId: m.id })}
                >
                  {t("groups.approve")}
                </button>{" "}
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => remove.mutate({ userId: m.id })}
                >
                  {t("groups.refuse")}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const email = (new FormData(e.currentTarget).get("email") as string | null) ?? "";
          add.mutate({ email }, { onSuccess: () => setInvited(email) });
        }}
      >
        <TextField label={t("groups.inviteEmail")} name="email" type="email" required autoComplete="off" />
        <button type="submit" className="button button--secondary" disabled={add.isPending}>
          {t("groups.invite")}
        </button>
        {invited && (
          <p role="status" className="note">
            {t("groups.invited", { email: invited })}
          </p>
        )}
        <FormError error={add.error ?? remove.error ?? role.error ?? action.error} />
      </form>
      <h3>{t("groups.memberList")}</h3>
      <ul className="member-list">
        {members
          .filter((m) => m.state === "active" || m.state === "invited" || m.state === "banned")
          .map((m) => (
            <li key={m.id}>
              {m.name}{" "}
              <span className="note">
                {m.state === "active" ? t(`groups.role.${m.role}`) : t(`groups.state.${m.state}`)}
              </span>{" "}
              {m.state === "active" && (
                <>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      role.mutate({ userId: m.id, role: m.role === "moderator" ? "member" : "moderator" })
                    }
                  >
                    {m.role === "moderator" ? t("groups.makeMember") : t("groups.makeModerator")}
                  </button>{" "}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      window.confirm(t("groups.confirmRemove", { name: m.name })) &&
                      remove.mutate({ userId: m.id })
                    }
                  >
                    {t("groups.remove")}
                  </button>{" "}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      window.confirm(t("groups.confirmBan", { name: m.name })) &&
                      remove.mutate({ userId: m.id, ban: true })
                    }
                  >
                    {t("groups.ban")}
                  </button>
                </>
              )}
            </li>
          ))}
      </ul>
      {group.status === "proposed" && (
        <button type="button" className="button" onClick={() => action.mutate("approve")}>
          {t("groups.approveGroup")}
        </button>
      )}
      {group.status === "active" && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => window.confirm(t("groups.confirmArchive")) && action.mutate("archive")}
        >
          {t("groups.archive")}
        </button>
      )}
    </section>
  );
}

/** The pinned messages, folded: each links to its place in the conversation. */
function Pinned({ groupId }: { groupId: number }) {
  const { t } = useTranslation();
  const pinned = usePinned(groupId);
  if (!pinned.data || pinned.data.length === 0) return null;
  return (
    <details className="pinned">
      <summary>{t("groups.pinnedCount", { count: pinned.data.length })}</summary>
      <ul>
        {pinned.data.map((m) => (
          <li key={m.id}>
            <a href={`#viesti-${m.seq}`}>
              {m.author.name}: {(m.body ?? "").slice(0, 120)}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Active members, each marked online or not (in words for screen readers). */
function OnlinePanel({ members, online }: { members: GroupMember[]; online: Set<number> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="online" className="panel">
      <h2 id="online">{t("groups.online", { count: online.size })}</h2>
      <ul className="member-list">
        {members.map((m) => (
          <li key={m.id}>
            <span className={online.has(m.id) ? "dot dot--on" : "dot"} aria-hidden="true" /> {m.name}
            <span className="visually-hidden">
              {" "}
              – {online.has(m.id) ? t("groups.isOnline") : t("groups.isOffline")}
            </span>
            {m.role === "moderator" && <span className="note"> ({t("groups.role.moderator")})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The member's own settings for the group: how they hear of new messages, and leaving. */
function SettingsPanel({ group, meId }: { group: Group; meId: number }) {
  const { t } = useTranslation();
  const notify = useSetNotify(group.id);
  return (
    <section aria-labelledby="settings" className="panel">
      <h2 id="settings">{t("groups.settings")}</h2>
      <label htmlFor="notify">{t("groups.notify")}</label>
      <select
        id="notify"
        value={group.membership.notify ?? "digest"}
        onChange={(e) => notify.mutate(e.target.value as NotifyMode)}
      >
        {(["instant", "digest", "off"] as const).map((mode) => (
          <option key={mode} value={mode}>
            {t(`groups.notifyMode.${mode}`)}
          </option>
        ))}
      </select>
      <p className="note">{t("groups.notifyHint")}</p>
      {group.kind === "group" && <LeaveButton group={group} meId={meId} />}
    </section>
  );
}

function Removed() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div role="alert" className="alert alert--warning">
      <p>{t("groups.removedNotice")}</p>
      <button type="button" className="button" onClick={() => void navigate(paths.groups)}>
        {t("groups.back")}
      </button>
    </div>
  );
}

function Conversation({ group, meId }: { group: Group; meId: number }) {
  const { t } = useTranslation();
  const connection = useConnection();
  const members = useMembers(group.id, true);
  const [thread, setThread] = useState<number | null>(null);
  const writable = group.status === "active";
  const moderator = group.abilities.moderate;
  const activeMembers = useMemo(
    () => (members.data ?? []).filter((m) => m.state === "active"),
    [members.data],
  );
  const memberNames = useMemo(() => activeMembers.map((m) => m.name), [activeMembers]);
  const conversation = useConversation(group.id, meId, members.data);
  const { timeline, repliesOf, seenBy, typers, older, post, typingNow } = conversation;
  if (conversation.removed) return <Removed />;

  const root = thread !== null ? conversation.messages.find((m) => m.id === thread) : undefined;
  const item = (m: WireMessage, inThread: boolean) => (
    <MessageItem
      key={m.id}
      message={m}
      meId={meId}
      moderator={moderator}
      names={memberNames}
      writable={writable}
      replies={inThread ? undefined : repliesOf(m.id).length}
      seenBy={seenBy(m)}
      onThread={inThread ? undefined : () => setThread(m.id)}
    />
  );

  return (
    <div className="conversation">
      <div className="conversation__main">
        {connection !== "online" && (
          <p role="status" className="alert alert--warning">
            {connection === "offline" ? t("groups.offline") : t("groups.connecting")}
          </p>
        )}
        <Pinned groupId={group.id} />
        {older.more && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void conversation.loadOlder()}
            disabled={older.loading}
          >
            {older.loading ? t("app.loading") : t("groups.older")}
          </button>
        )}
        {older.loading && conversation.messages.length === 0 ? (
          <Loading />
        ) : timeline.length === 0 ? (
          <p>{t("groups.empty")}</p>
        ) : (
          <ol className="messages" aria-label={t("groups.messages")}>
            {timeline.map((m) => item(m, false))}
          </ol>
        )}
        <p className="typing note" aria-hidden={typers.length === 0}>
          {typers.length > 0 ? t("groups.typing", { names: typers.join(", "), count: typers.length }) : " "}
        </p>
        {writable ? (
          <Composer
            members={activeMembers}
            meId={meId}
            placeholder={t("groups.write", { name: group.name })}
            onSend={(b, m) => post(b, m)}
            onTyping={typingNow}
          />
        ) : (
          <p className="note">{t(`groups.readOnly.${group.status}`)}</p>
        )}
        <div className="visually-hidden" aria-live="polite" aria-atomic="true">
          {conversation.announcement}
        </div>
      </div>
      <aside className="conversation__side">
        {root && (
          <section aria-labelledby="thread" className="panel thread">
            <h2 id="thread">{t("groups.thread")}</h2>
            <button type="button" className="link-button" onClick={() => setThread(null)}>
              {t("groups.closeThread")}
            </button>
            <ol className="messages">
              {item(root, true)}
              {repliesOf(root.id).map((m) => item(m, true))}
            </ol>
            {writable && (
              <Composer
                members={activeMembers}
                meId={meId}
                placeholder={t("groups.replyTo", { name: root.author.name })}
                onSend={(b, m) => post(b, m, root.id)}
                onTyping={typingNow}
              />
            )}
          </section>
        )}
        <OnlinePanel members={activeMembers} online={conversation.online} />
        <SettingsPanel group={group} meId={meId} />
        {moderator && members.data && <Manage group={group} members={members.data} />}
      </aside>
    </div>
  );
}

function LeaveButton({ group, meId }: { group: Group; meId: number }) {
  const { t } = useTranslation();
  const remove = useRemoveMember(group.id);
  const navigate = useNavigate();
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          window.confirm(t("groups.confirmLeave", { name: group.name })) &&
          remove.mutate({ userId: meId }, { onSuccess: () => void navigate(paths.groups) })
        }
      >
        {t("groups.leave")}
      </button>
      <FormError error={remove.error} />
    </>
  );
}

export function GroupPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const groupId = Number(id);
  const me = useSignedIn();
  const group = useGroup(groupId);
  const join = useGroupAction(groupId);
  if (group.isPending || !me) return <Loading />;
  if (group.error)
    return (
      <>
        <h1 tabIndex={-1}>{t("groups.title")}</h1>
        <ErrorMessage error={group.error} />
        <Link to={paths.groups}>{t("groups.back")}</Link>
      </>
    );
  const g = group.data;
  const state = g.membership.state;
  return (
    <>
      <p>
        <Link to={paths.groups}>← {t("groups.back")}</Link>
      </p>
      <h1 tabIndex={-1}>{g.name}</h1>
      <p className="note">
        {t(`groups.visibility.${g.visibility}`)} · {t("groups.members", { count: g.memberCount })}
        {g.status !== "active" && <> · {t(`groups.status.${g.status}`)}</>}
      </p>
      {g.description && <p className="lead">{g.description}</p>}
      {g.rules && (
        <details>
          <summary>{t("groups.rules")}</summary>
          <p className="pre-line">{g.rules}</p>
        </details>
      )}
      {state === "active" ? (
        <Conversation group={g} meId={me.id} />
      ) : (
        <section className="panel">
          {state === "banned" ? (
            <p>{t("groups.state.banned")}</p>
          ) : state === "requested" ? (
            <p role="status">{t("groups.requestPending")}</p>
          ) : g.status !== "active" ? (
            <p>{t(`groups.readOnly.${g.status}`)}</p>
          ) : (
            <>
              <p>
                {g.visibility === "open" || state === "invited"
                  ? t("groups.joinHint")
                  : t("groups.requestHint")}
              </p>
              <button
                type="button"
                className="button"
                disabled={join.isPending}
                onClick={() => join.mutate("join")}
              >
                {g.visibility === "open" || state === "invited" ? t("groups.join") : t("groups.request")}
              </button>
              <FormError error={join.error} />
            </>
          )}
          {g.abilities.moderate && <p className="note">{t("groups.staffHint")}</p>}
        </section>
      )}
    </>
  );
}

export { GroupPage as Component };
