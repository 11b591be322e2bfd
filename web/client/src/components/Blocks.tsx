import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { Block } from "../lib/wire";

export type { Block };

/** Renders the server's allow-listed rich text as React elements (never as HTML). */
export function Blocks({ blocks, headingOffset = 0 }: { blocks: Block[]; headingOffset?: number }) {
  const render = (b: Block, key: number): ReactNode => {
    const children = b.children?.map(render);
    switch (b.type) {
      case "text": {
        let node: ReactNode = b.text;
        if (b.bold) node = <strong key={key}>{node}</strong>;
        if (b.italic) node = <em key={key}>{node}</em>;
        return <span key={key}>{node}</span>;
      }
      case "link":
        // Same-site paths (law pages, sections) navigate inside the app.
        if (b.url?.startsWith("/"))
          return (
            <Link key={key} to={b.url}>
              {children}
            </Link>
          );
        return (
          <a key={key} href={b.url} rel={b.url?.startsWith("http") ? "noopener noreferrer" : undefined}>
            {children}
          </a>
        );
      case "heading": {
        const level = Math.min((b.level ?? 2) + headingOffset, 6);
        const Tag = `h${level}` as "h2";
        return <Tag key={key}>{children}</Tag>;
      }
      case "list":
        return b.format === "ordered" ? <ol key={key}>{children}</ol> : <ul key={key}>{children}</ul>;
      case "list-item":
        return <li key={key}>{children}</li>;
      case "quote":
        return <blockquote key={key}>{children}</blockquote>;
      default:
        return <p key={key}>{children}</p>;
    }
  };
  return <>{blocks.map(render)}</>;
}
