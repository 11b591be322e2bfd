/** The one way the client talks to the server: same origin, cookies, CSRF header, one error shape. */
export type ApiErrorBody = {
  status: number;
  name: string;
  message: string;
  details: Record<string, unknown>;
};

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
  get status() {
    return this.body.status;
  }
}

function csrfToken(): string {
  return /(?:^|;\s*)soskes\.csrf=([^;]+)/.exec(document.cookie)?.[1] ?? "";
}

type Envelope<T> = { data: T; meta?: { stale?: boolean; total?: number } };

async function request<T>(
  method: string,
  url: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<Envelope<T>> {
  const res = await fetch(url, {
    method,
    signal,
    credentials: "same-origin",
    headers: {
      Accept: "application/json",
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...(method !== "GET" ? { "X-CSRF-Token": csrfToken() } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (res.status === 204) return { data: undefined as T };
  const json = (await res.json().catch(() => null)) as (Envelope<T> & { error?: ApiErrorBody }) | null;
  if (!res.ok || !json || json.error) {
    throw new ApiError(
      json?.error ?? { status: res.status, name: "network_error", message: res.statusText, details: {} },
    );
  }
  return json;
}

export const api = {
  /** A signal (TanStack Query passes one) cancels the request when its answer is no longer wanted. */
  get: async <T>(url: string, signal?: AbortSignal) => (await request<T>("GET", url, undefined, signal)).data,
  /** With `stale`: the server is answering from its cache because the CMS is unreachable. */
  getWithMeta: async <T>(url: string) => {
    const body = await request<T>("GET", url);
    return { data: body.data, stale: Boolean(body.meta?.stale) };
  },
  /** A list with its total count (meta.total), for paging. */
  getPage: async <T>(url: string, signal?: AbortSignal) => {
    const body = await request<T>("GET", url, undefined, signal);
    return { data: body.data, total: body.meta?.total ?? 0 };
  },
  post: async <T>(url: string, body?: unknown) => (await request<T>("POST", url, body ?? {})).data,
  patch: async <T>(url: string, body: unknown) => (await request<T>("PATCH", url, body)).data,
  put: async <T>(url: string, body: unknown) => (await request<T>("PUT", url, body)).data,
  delete: async <T>(url: string) => (await request<T>("DELETE", url)).data,
};
