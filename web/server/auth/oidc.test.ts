import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startTestPortal, type TestPortal } from "../test/fixtures.js";

type Account = { sub: string; email: string; email_verified: boolean; name: string };
const ACCOUNTS: Record<string, Account> = {
  uusi: { sub: "uusi", email: "sso.kayttaja@hyvaks.example", email_verified: true, name: "Sso Käyttäjä" },
  sanna: {
    sub: "sanna-idp-1",
    email: "sosiaalityontekija@demo.soskes.example",
    email_verified: true,
    name: "Sanna S.",
  },
  vahvistamaton: {
    sub: "vahvistamaton",
    email: "vahvistamaton@hyvaks.example",
    email_verified: false,
    name: "Ei Vahvistettu",
  },
};

/** A tiny browser: one cookie jar per origin, manual redirects, and the provider's dev forms. */
function browserAgent() {
  const jars = new Map<string, Map<string, string>>();
  const jar = (url: URL) => jars.get(url.origin) ?? jars.set(url.origin, new Map()).get(url.origin)!;
  async function request(url: string, init: { method?: string; body?: string } = {}): Promise<Response> {
    const target = new URL(url);
    const cookies = [...jar(target)].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetch(target, {
      method: init.method ?? "GET",
      redirect: "manual",
      headers: {
        ...(cookies ? { Cookie: cookies } : {}),
        ...(init.body ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
      },
      body: init.body,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = pair!.split("=");
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(c)) jar(target).delete(name!);
      else jar(target).set(name!, value.join("="));
    }
    return res;
  }
  /** Follows redirects and the provider's login and consent forms until a response leaves them. */
  async function signIn(
    start: string,
    accountId: string,
    stopAt: (url: URL) => boolean,
  ): Promise<{ url: URL; res: Response }> {
    let url = new URL(start);
    let res = await request(url.href);
    for (let hops = 0; hops < 20; hops++) {
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get("location")!, url);
        if (stopAt(url)) return { url, res };
        res = await request(url.href);
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) return { url, res: new Response(html, { status: res.status }) };
      const prompt =
        /name="prompt" value="(\w+)"/.exec(html)?.[1] ??
        (html.includes('name="login"') ? "login" : "consent");
      const body = new URLSearchParams(
        prompt === "login" ? { prompt, login: accountId, password: "x" } : { prompt },
      );
      url = new URL(action, url);
      res = await request(url.href, { method: "POST", body: body.toString() });
    }
    throw new Error("too many redirects");
  }
  return { request, signIn, cookie: (origin: string, name: string) => jars.get(origin)?.get(name) };
}

describe("single sign-on with OpenID Connect", () => {
  let portal: TestPortal;
  let server: ReturnType<Provider["listen"]>;
  let portalUrl: string;
  const issuerPort = { value: 0 };

  beforeAll(async () => {
    issuerPort.value = await freePort();
    const portalPort = await freePort();
    portalUrl = `http://127.0.0.1:${portalPort}`;
    const provider = new Provider(`http://127.0.0.1:${issuerPort.value}`, {
      clients: [
        {
          client_id: "soskes",
          client_secret: "soskes-test-secret-0123456789",
          redirect_uris: [`${portalUrl}/api/auth/oidc/callback`],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
        {
          // Another relying party at the same provider: its codes and tokens are not for SosKes.
          client_id: "other-service",
          client_secret: "other-service-secret-0123456789",
          redirect_uris: [`${portalUrl}/api/auth/oidc/callback`],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
      findAccount: (_ctx, id) => {
        const account = ACCOUNTS[id];
        return account ? { accountId: id, claims: () => ({ ...account }) } : undefined;
      },
      features: { devInteractions: { enabled: true } },
      // Codes live 3 s here, so that the expiry can be tested.
      ttl: {
        AuthorizationCode: 3,
        Interaction: 60,
        Session: 600,
        Grant: 600,
        IdToken: 600,
        AccessToken: 600,
      },
      pkce: { required: () => true },
    });
    server = provider.listen(issuerPort.value);
    portal = await startTestPortal("sqlite", {
      port: portalPort,
      env: {
        PUBLIC_URL: portalUrl,
        OIDC_ISSUER: `http://127.0.0.1:${issuerPort.value}`,
        OIDC_CLIENT_ID: "soskes",
        OIDC_CLIENT_SECRET: "soskes-test-secret-0123456789",
        OIDC_NAME: "Hyvinvointialueen tunnus",
      },
    });
  });
  afterAll(async () => {
    await portal?.drop();
    server?.close();
  });

  const me = async (agent: ReturnType<typeof browserAgent>) => {
    const res = await agent.request(`${portalUrl}/api/me`);
    return { status: res.status, body: (await res.json()) as { data: { email: string; name: string } } };
  };

  it("tells the login page that single sign-on is available", async () => {
    const res = await fetch(`${portalUrl}/api/auth/providers`);
    expect(await res.json()).toEqual({
      data: { oidc: { name: "Hyvinvointialueen tunnus" }, publicContent: [] },
    });
  });

  it("provisions an account on the first single sign-on with a verified e-mail", async () => {
    const agent = browserAgent();
    const start = await agent.request(`${portalUrl}/api/auth/oidc`);
    const location = new URL(start.headers.get("location")!);
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    expect(location.searchParams.get("code_challenge")).toBeTruthy();
    const { url } = await agent.signIn(
      `${portalUrl}/api/auth/oidc`,
      "uusi",
      (u) => u.origin === portalUrl && !u.pathname.startsWith("/api/auth/oidc"),
    );
    expect(url.pathname).toBe("/");
    expect(await me(agent)).toMatchObject({
      status: 200,
      body: { data: { email: "sso.kayttaja@hyvaks.example", name: "Sso Käyttäjä" } },
    });
  });

  it("links an existing account by verified e-mail instead of creating a second one", async () => {
    const agent = browserAgent();
    await agent.signIn(
      `${portalUrl}/api/auth/oidc`,
      "sanna",
      (u) => u.origin === portalUrl && !u.pathname.startsWith("/api/auth/oidc"),
    );
    expect(await me(agent)).toMatchObject({
      status: 200,
      body: { data: { email: "sosiaalityontekija@demo.soskes.example", name: "Sanna Sosiaalinen" } },
    });
    const count = await portal.database.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("email", "=", "sosiaalityontekija@demo.soskes.example")
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("refuses an unverified e-mail", async () => {
    const agent = browserAgent();
    const { url } = await agent.signIn(
      `${portalUrl}/api/auth/oidc`,
      "vahvistamaton",
      (u) => u.origin === portalUrl && !u.pathname.startsWith("/api/auth/oidc"),
    );
    expect(url.pathname).toBe("/kirjaudu");
    expect(url.searchParams.get("sso")).toBe("email_not_verified");
    expect((await me(agent)).status).toBe(401);
  });

  it("refuses a tampered code, a code used twice, and a callback from another browser", async () => {
    const agent = browserAgent();
    const { url: callback } = await agent.signIn(
      `${portalUrl}/api/auth/oidc`,
      "uusi",
      (u) => u.pathname === "/api/auth/oidc/callback",
    );
    const tampered = new URL(callback);
    tampered.searchParams.set("code", "forged-code");
    const forged = await agent.request(tampered.href);
    expect(new URL(forged.headers.get("location")!, portalUrl).pathname).toBe("/kirjaudu");
    expect((await me(agent)).status).toBe(401);

    const victim = browserAgent();
    const { url: good } = await victim.signIn(
      `${portalUrl}/api/auth/oidc`,
      "uusi",
      (u) => u.pathname === "/api/auth/oidc/callback",
    );
    // Someone who steals the callback address cannot use it: the PKCE verifier is in the victim's session.
    const thief = browserAgent();
    const stolen = await thief.request(good.href);
    expect(new URL(stolen.headers.get("location")!, portalUrl).pathname).toBe("/kirjaudu");
    expect((await me(thief)).status).toBe(401);
    const first = await victim.request(good.href);
    expect(first.headers.get("location")).toBe("/");
    expect((await me(victim)).status).toBe(200);
    const replayed = await victim.request(good.href);
    expect(new URL(replayed.headers.get("location")!, portalUrl).pathname).toBe("/kirjaudu");
  });
  it("refuses an authorization code that has expired", async () => {
    const agent = browserAgent();
    const { url: callback } = await agent.signIn(
      `${portalUrl}/api/auth/oidc`,
      "uusi",
      (u) => u.pathname === "/api/auth/oidc/callback",
    );
    await new Promise((r) => setTimeout(r, 3500));
    const late = await agent.request(callback.href);
    expect(new URL(late.headers.get("location")!, portalUrl).pathname).toBe("/kirjaudu");
    expect((await me(agent)).status).toBe(401);
  });
  it("refuses a code the provider issued to another client (wrong audience)", async () => {
    const agent = browserAgent();
    const start = await agent.request(`${portalUrl}/api/auth/oidc`);
    const authorize = new URL(start.headers.get("location")!);
    authorize.searchParams.set("client_id", "other-service");
    const { url: callback } = await agent.signIn(
      authorize.href,
      "uusi",
      (u) => u.pathname === "/api/auth/oidc/callback",
    );
    expect(callback.searchParams.get("code")).toBeTruthy();
    const res = await agent.request(callback.href);
    expect(new URL(res.headers.get("location")!, portalUrl).pathname).toBe("/kirjaudu");
    expect((await me(agent)).status).toBe(401);
  });
});
