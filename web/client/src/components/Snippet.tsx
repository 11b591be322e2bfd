const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};
const unescape = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);

/**
 * The server's snippet is escaped text with <mark> around matches. It is split into text and
 * <mark> elements here; nothing is ever inserted as HTML.
 */
export function Snippet({ html }: { html: string }) {
  const parts = html.split(/(<mark>.*?<\/mark>)/g).filter(Boolean);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("<mark>") ? (
          <mark key={i}>{unescape(part.slice(6, -7))}</mark>
        ) : (
          <span key={i}>{unescape(part)}</span>
        ),
      )}
    </>
  );
}
