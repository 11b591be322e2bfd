import { createCitationFinder, parseRichText, type Citation, type StatuteName } from "@soskes/chat/client";
import { useId, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useStatute, useStatutes, type Statute } from "../lib/statutes";
import { Blocks } from "./Blocks";

const names = (statutes: Statute[] | undefined): StatuteName[] =>
  (statutes ?? []).map((s) => ({
    number: s.number,
    names: [s.shortName, ...s.aliases].filter((n): n is string => Boolean(n)),
  }));

/** Finds statute references ("SHL 36 §", "lastensuojelulain 25 §") with the region's own statute names. */
export function useCitations(): (text: string) => Citation[] {
  const statutes = useStatutes();
  return useMemo(() => createCitationFinder(names(statutes.data?.data)), [statutes.data]);
}

/** A question or answer written in the light markup, rendered as allow-listed elements only. */
export function RichText({ source, headingOffset }: { source: string; headingOffset?: number }) {
  const cite = useCitations();
  const blocks = useMemo(() => parseRichText(source, cite), [source, cite]);
  return (
    <div className="richtext">
      <Blocks blocks={blocks} headingOffset={headingOffset} />
    </div>
  );
}

/** Plain text (a chat message) with its statute references as links to the law pages. */
export function CitedText({ text }: { text: string }) {
  const cite = useCitations();
  const parts: ReactNode[] = [];
  let at = 0;
  for (const c of cite(text)) {
    if (c.start > at) parts.push(text.slice(at, c.start));
    parts.push(
      <Link key={c.start} to={c.url}>
        {text.slice(c.start, c.end)}
      </Link>,
    );
    at = c.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

type Mark = "bold" | "italic" | "list" | "numbered" | "link";

/**
 * A text area with a small toolbar for the light markup (bold, italic, lists, links, statute
 * references) and a preview of how it will read. Works with a form's FormData through `name`.
 */
export function RichTextEditor({
  label,
  name,
  hint,
  error,
  value,
  onChange,
  rows = 8,
  minLength,
  maxLength = 10_000,
  required,
}: {
  label: string;
  name: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  minLength?: number;
  maxLength?: number;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [preview, setPreview] = useState(false);
  const [citing, setCiting] = useState(false);

  /** Wraps the selection (or inserts at the caret) and keeps the caret where the reader expects. */
  const apply = (mark: Mark | { insert: string }) => {
    const el = area.current;
    if (!el) return;
    const { selectionStart: start, selectionEnd: end } = el;
    const selected = value.slice(start, end);
    let text: string;
    if (typeof mark === "object") text = mark.insert;
    else if (mark === "bold") text = `**${selected || t("richtext.boldSample")}**`;
    else if (mark === "italic") text = `_${selected || t("richtext.italicSample")}_`;
    else if (mark === "link") text = `[${selected || t("richtext.linkSample")}](https://)`;
    else {
      const lines = (selected || t("richtext.itemSample")).split("\n");
      text = lines.map((l, i) => `${mark === "list" ? "-" : `${i + 1}.`} ${l}`).join("\n");
      if (start > 0 && value[start - 1] !== "\n") text = `\n${text}`;
    }
    onChange(value.slice(0, start) + text + value.slice(end));
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + text.length, start + text.length);
    });
  };
  const describedBy = [hint ? `${id}-hint` : "", `${id}-help`, error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  const tools: Array<[Mark, string]> = [
    ["bold", t("richtext.bold")],
    ["italic", t("richtext.italic")],
    ["list", t("richtext.list")],
    ["numbered", t("richtext.numbered")],
    ["link", t("richtext.link")],
  ];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="note">
          {hint}
        </span>
      )}
      <div
        className="toolbar"
        role="toolbar"
        aria-label={t("richtext.toolbar", { field: label })}
        aria-controls={id}
      >
        {tools.map(([mark, text]) => (
          <button
            key={mark}
            type="button"
            className="button button--secondary button--small"
            onClick={() => apply(mark)}
            disabled={preview}
          >
            {text}
          </button>
        ))}
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={citing}
          onClick={() => setCiting((c) => !c)}
          disabled={preview}
        >
          {t("richtext.cite")}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-pressed={preview}
          onClick={() => setPreview((p) => !p)}
        >
          {t("richtext.preview")}
        </button>
      </div>
      {citing && !preview && (
        <CitePicker
          onPick={(reference) => {
            setCiting(false);
            apply({ insert: reference });
          }}
        />
      )}
      <textarea
        ref={area}
        id={id}
        name={name}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        minLength={minLength}
        maxLength={maxLength}
        hidden={preview}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
      {preview && (
        <div className="preview" aria-label={t("richtext.previewOf", { field: label })} role="region">
          {value.trim() ? <RichText source={value} /> : <p className="note">{t("richtext.empty")}</p>}
        </div>
      )}
      <span id={`${id}-help`} className="note">
        {t("richtext.help")}
      </span>
      {error && (
        <span id={`${id}-error`} className="field__error">
          {t(`account.fields.${error}`, { defaultValue: error })}
        </span>
      )}
    </div>
  );
}

/** Chooses a statute and one of its sections; gives back the reference as people write it. */
export function CitePicker({
  onPick,
  action,
}: {
  onPick: (reference: string, value: { statute: string; section: string }) => void;
  action?: string;
}) {
  const { t } = useTranslation();
  const statutes = useStatutes();
  const [slug, setSlug] = useState("");
  const id = useId();
  const statute = useStatute(slug, Boolean(slug));
  const [section, setSection] = useState("");
  const chosen = statutes.data?.data.find((s) => s.slug === slug);
  const sections = slug ? (statute.data?.data.sections ?? []) : [];
  return (
    <div className="cite-picker">
      <div className="field">
        <label htmlFor={`${id}-statute`}>{t("richtext.statute")}</label>
        <select
          id={`${id}-statute`}
          value={slug}
          onChange={(e) => {
            setSlug(e.target.value);
            setSection("");
          }}
        >
          <option value="">{t("richtext.chooseStatute")}</option>
          {(statutes.data?.data ?? []).map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.title} ({s.number})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-section`}>{t("richtext.section")}</label>
        <select
          id={`${id}-section`}
          value={section}
          onChange={(e) => setSection(e.target.value)}
          disabled={!slug || statute.isPending}
        >
          <option value="">{t("richtext.chooseSection")}</option>
          {sections.map((s) => (
            <option key={s.number} value={s.number}>
              {s.number} § {s.title}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button button--small"
        disabled={!chosen || !section}
        onClick={() =>
          chosen &&
          onPick(`${chosen.shortName ?? chosen.number} ${section} §`, { statute: chosen.number, section })
        }
      >
        {action ?? t("richtext.insert")}
      </button>
    </div>
  );
}
