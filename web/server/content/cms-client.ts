import { errors } from "../errors.js";

type Query = Record<string, string | number | boolean>;
type Page<T> = { data: T[]; meta: { pagination: { page: number; pageCount: number } } };

/** Reads Strapi's REST API with the portal's read-only token. Explicit populate only. */
export function createCmsClient(options: { url: string; token: string; timeoutMs?: number }) {
  async function get<T>(path: string, query: Query = {}): Promise<T> {
    const params = new URLSearchParams(
      Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
    );
    let res: Response;
    try {
      res = await fetch(`${options.url}/api/${path}?${params.toString()}`, {
        headers: { Authorization: `Bearer ${options.token}` },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch {
      throw errors.cmsUnavailable();
    }
    if (!res.ok) throw errors.cmsUnavailable();
    return (await res.json()) as T;
  }

  /** Every published record of a collection, page by page. */
  async function all<T>(collection: string, query: Query): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const body = await get<Page<T>>(collection, {
        ...query,
        "pagination[page]": page,
        "pagination[pageSize]": 200,
      });
      items.push(...body.data);
      if (page >= body.meta.pagination.pageCount) return items;
    }
  }

  return { get, all };
}
export type CmsClient = ReturnType<typeof createCmsClient>;

/** Builds Strapi's bracketed populate/fields parameters from a nested description. */
export function populateQuery(
  spec: Record<string, true | { fields?: string[]; populate?: Record<string, true> }>,
): Query {
  const query: Query = {};
  for (const [relation, value] of Object.entries(spec)) {
    if (value === true) {
      query[`populate[${relation}]`] = true;
      continue;
    }
    value.fields?.forEach((f, i) => (query[`populate[${relation}][fields][${i}]`] = f));
    Object.keys(value.populate ?? {}).forEach((p) => (query[`populate[${relation}][populate][${p}]`] = true));
    if (!value.fields && !value.populate) query[`populate[${relation}]`] = true;
  }
  return query;
}
