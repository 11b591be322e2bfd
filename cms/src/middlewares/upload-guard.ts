import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Core } from "@strapi/strapi";
import { errors } from "@strapi/utils";

/**
 * The media library takes only files whose bytes are what they claim, and serves every file so
 * that no browser runs it: a maintainer's upload must never become script on Strapi's origin,
 * where an admin's session lives.
 *
 * In: every multipart file of every request (admin upload, replace, any plugin) is sniffed from
 * its first bytes — never by its name or declared type. Allowed: PNG, JPEG, WebP, GIF, PDF,
 * Office (docx, xlsx, pptx) and OpenDocument (odt, ods, odp) files, and plain UTF-8 text named
 * .txt or .csv. The stored name gets the extension the bytes showed, and the declared type is
 * replaced by the sniffed one, so what serves the file (by extension) serves what was checked.
 *
 * Out: everything under /uploads/ carries `X-Content-Type-Options: nosniff` and a CSP of
 * `default-src 'none'; sandbox`, and all but images `Content-Disposition: attachment`.
 */

type Sniffed = { ext: string; mime: string };

/** What file-type may name, and what we keep. SVG (script inside) and HTML are not among them. */
const BINARY: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
};
const TEXT: Record<string, string> = { txt: "text/plain", csv: "text/csv" };
const IMAGE_EXT = /\.(png|jpe?g|webp|gif)$/i;

const UPLOAD_REFUSED =
  "Tiedostoa ei voi tallentaa: mediakirjastoon voi ladata vain kuvia (PNG, JPEG, WebP, GIF), PDF-tiedostoja, Office- ja OpenDocument-asiakirjoja (docx, xlsx, pptx, odt, ods, odp) sekä tekstitiedostoja (txt, csv). Tiedoston sisältö ratkaisee, ei sen nimi.";

type FileLike = {
  filepath?: string;
  path?: string;
  originalFilename?: string | null;
  name?: string | null;
  mimetype?: string | null;
  type?: string | null;
};

// file-type 16 is CommonJS and reads the bytes itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fileType = require("file-type") as { fromFile(path: string): Promise<Sniffed | undefined> };

/** Plain UTF-8 text: decodes strictly, and holds no control characters but tab and line ends. */
function isPlainText(bytes: Buffer): boolean {
  try {
    return !/(?![\t\n\r])\p{Cc}/u.test(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return false;
  }
}

/** What the bytes are, when they are something the media library takes; otherwise null. */
async function sniffUpload(filepath: string, name: string): Promise<Sniffed | null> {
  const found = await fileType.fromFile(filepath);
  if (found) return BINARY[found.ext] ? { ext: found.ext, mime: BINARY[found.ext] } : null;
  const ext = path.extname(name).slice(1).toLowerCase();
  if (!TEXT[ext]) return null;
  if ((await stat(filepath)).size > 20 * 1024 * 1024) return null;
  return isPlainText(await readFile(filepath)) ? { ext, mime: TEXT[ext] } : null;
}

const withExt = (name: string, ext: string) => {
  const base = path.basename(name, path.extname(name)) || "tiedosto";
  return `${base}.${ext}`;
};

async function checkFiles(files: unknown): Promise<void> {
  const list: FileLike[] = [];
  const collect = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === "object") {
      const f = v as FileLike;
      if (typeof f.filepath === "string" || typeof f.path === "string") list.push(f);
      else Object.values(v).forEach(collect);
    }
  };
  collect(files);
  for (const file of list) {
    const filepath = (file.filepath ?? file.path)!;
    const name = file.originalFilename ?? file.name ?? "";
    const sniffed = await sniffUpload(filepath, name);
    if (!sniffed) throw new errors.ValidationError(UPLOAD_REFUSED);
    const ext = sniffed.ext === "jpg" && /\.jpeg$/i.test(name) ? "jpeg" : sniffed.ext;
    const safeName = withExt(name, ext);
    // formidable's and Strapi's names for the same two facts.
    file.originalFilename = safeName;
    file.name = safeName;
    file.mimetype = sniffed.mime;
    file.type = sniffed.mime;
    (file as { detectedMimeType?: string }).detectedMimeType = sniffed.mime;
  }
}

const uploadGuard: Core.MiddlewareFactory =
  (_config, { strapi }) =>
  async (ctx, next) => {
    const files = (ctx.request as unknown as { files?: unknown }).files;
    if (files && Object.keys(files).length > 0) {
      try {
        await checkFiles(files);
      } catch (err) {
        if (err instanceof errors.ValidationError) {
          strapi.log.warn(`SosKes: upload refused (${ctx.method} ${ctx.path})`);
        }
        throw err;
      }
    }
    await next();
    if (ctx.path.startsWith("/uploads/")) {
      ctx.set("X-Content-Type-Options", "nosniff");
      ctx.set("Content-Security-Policy", "default-src 'none'; sandbox");
      ctx.set("Cross-Origin-Resource-Policy", "same-site");
      if (!IMAGE_EXT.test(ctx.path)) {
        const file = path.basename(ctx.path).replace(/[^\w.-]/g, "_");
        ctx.set("Content-Disposition", `attachment; filename="${file}"`);
      }
    }
  };

export default uploadGuard;
