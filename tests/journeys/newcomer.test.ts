import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  freePort,
  hasChromium,
  launchChromium,
  smtpSink,
  startSosKes,
  tcpProxy,
  type Started,
} from "../support";

const PASSWORD = "Demo-salasana-2026";
const screenshots = path.join(__dirname, "..", "..", "test-results");

/**
 * What a newcomer does on a fresh `npm start`: a social worker finds who serves a client and
 * reads the law; a municipality maintainer edits their unit in the Strapi admin, sees the
 * change in the portal within seconds, and cannot touch another municipality's records.
 */
describe.skipIf(!hasChromium)("a newcomer on a fresh npm start", () => {
  let app: Started;
  let browser: Browser;
  let portalUrl: string;
  let cmsUrl: string;
  let apiToken: string;
  let memberContext: BrowserContext;
  let member: Page;
  let admin: Page;
  let smtp: Awaited<ReturnType<typeof smtpSink>>;
  let proxy: Awaited<ReturnType<typeof tcpProxy>>;

  const cmsApi = async <T>(pathAndQuery: string): Promise<T> => {
    const res = await fetch(`${cmsUrl}/api/${pathAndQuery}`, {
      headers: { Authorization: `Bearer ${apiToken}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const unitBySource = async (sourceId: string) =>
    (
      await cmsApi<{ data: Array<{ documentId: string; openingNote: string | null }> }>(
        `service-units?filters[sourceId][$eq]=${encodeURIComponent(sourceId)}`,
      )
    ).data[0]!;
  const expectAccessible = async (page: Page, name: string) => {
    const result = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const problems = result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
    expect(problems, name).toEqual([]);
  };

  /** A fresh browser context logged in as a demo user. */
  const loginAs = async (email: string) => {
    const page = await (await browser.newContext({ locale: "fi-FI" })).newPage();
    await page.goto(`${portalUrl}/kirjaudu`);
    await page.getByLabel("Sähköpostiosoite").fill(email);
    await page.getByLabel("Salasana").fill(PASSWORD);
    await page.getByRole("button", { name: "Kirjaudu" }).click();
    await page.waitForURL(`${portalUrl}/minulle`);
    return page;
  };

  beforeAll(async () => {
    const [cmsPort, portalPort] = [await freePort(), await freePort()];
    smtp = await smtpSink();
    // The member also reaches the portal through a relay that can drop the connection.
    proxy = await tcpProxy(portalPort);
    app = await startSosKes({
      ALLOWED_ORIGINS: `http://localhost:${proxy.port}`,
      CMS_PORT: String(cmsPort),
      PORT: String(portalPort),
      PUBLIC_URL: `http://localhost:${portalPort}`,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    });
    portalUrl = `http://localhost:${portalPort}`;
    cmsUrl = `http://localhost:${cmsPort}`;
    apiToken = (
      JSON.parse(readFileSync(path.join(app.dataDir, "secrets.json"), "utf8")) as { CMS_API_TOKEN: string }
    ).CMS_API_TOKEN;
    browser = await launchChromium();
    memberContext = await browser.newContext({ locale: "fi-FI", viewport: { width: 1280, height: 900 } });
    member = await memberContext.newPage();
    admin = await (
      await browser.newContext({ locale: "fi-FI", viewport: { width: 1400, height: 1000 } })
    ).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    const code = await app?.stop();
    await smtp?.close();
    expect(code).toBe(0);
  });

  it("prints the portal URL, the admin URL and the demo logins", () => {
    expect(app.output()).toContain(`Portal:                           ${portalUrl}`);
    expect(app.output()).toContain(`Strapi admin (sisällönhallinta):  ${cmsUrl}/admin`);
    expect(app.output()).toContain("sosiaalityontekija@demo.soskes.example");
    expect(app.output()).toContain(`Demo logins — password: ${PASSWORD}`);
  });

  it("a newcomer registers, verifies the address by the e-mailed link and logs in", async () => {
    const page = await (await browser.newContext({ locale: "fi-FI" })).newPage();
    await page.goto(`${portalUrl}/kirjaudu`);
    await page.getByRole("link", { name: /Rekisteröidy/ }).click();
    await page.getByRole("heading", { name: "Rekisteröidy" }).waitFor();
    await expectAccessible(page, "register");
    await page.getByLabel("Nimi").fill("Veera Vastavalmistunut");
    await page.getByLabel("Sähköpostiosoite").fill("veera.vastavalmistunut@demo.soskes.example");
    await page.getByLabel("Salasana").fill("lyhyt-pw");
    await page.getByLabel("Salasana").evaluate((el) => el.removeAttribute("minlength"));
    await page.getByRole("button", { name: "Rekisteröidy" }).click();
    await page.getByText("Salasanassa on oltava vähintään 10 merkkiä.").waitFor();
    await page.getByLabel("Salasana").fill("Oma-pitka-salasana-7");
    await page.getByRole("button", { name: "Rekisteröidy" }).click();
    await page.getByText(/Lähetimme vahvistuslinkin/).waitFor();

    await expect
      .poll(() => smtp.received.filter((m) => m.to.includes("veera.vastavalmistunut")).length, {
        timeout: 15_000,
      })
      .toBe(1);
    const mail = smtp.received.find((m) => m.to.includes("veera.vastavalmistunut"))!;
    expect(mail.subject).toBe("Vahvista sähköpostiosoitteesi");
    const link = /https?:\/\/\S+\/vahvista\?token=\S+/.exec(mail.text)![0];
    await page.goto(link);
    await page.getByText("Osoite on vahvistettu. Voit nyt kirjautua.").waitFor();
    await page.getByRole("link", { name: "Takaisin kirjautumiseen" }).click();
    await page.getByLabel("Sähköpostiosoite").fill("veera.vastavalmistunut@demo.soskes.example");
    await page.getByLabel("Salasana").fill("Oma-pitka-salasana-7");
    await page.getByRole("button", { name: "Kirjaudu" }).click();
    await page.getByRole("heading", { name: /^Hei, / }).waitFor();
    await page.context().close();
  });

  it("a social worker logs in and finds Laukaa's child-protection unit and its phone", async () => {
    await member.goto(portalUrl);
    await member.waitForURL(/\/kirjaudu/);
    await expectAccessible(member, "login");
    await member.getByLabel("Sähköpostiosoite").fill("sosiaalityontekija@demo.soskes.example");
    await member.getByLabel("Salasana").fill("väärä salasana");
    await member.getByRole("button", { name: "Kirjaudu" }).click();
    await expect
      .poll(() => member.getByRole("alert").textContent())
      .toContain("Sähköpostiosoite tai salasana on väärin.");
    await member.getByLabel("Salasana").fill(PASSWORD);
    await member.getByRole("button", { name: "Kirjaudu" }).click();
    // Minulle first: the county's 24/7 number in view, then what needs the member.
    await member.waitForURL(`${portalUrl}/minulle`);
    await member.getByRole("heading", { name: "Konsultaatiopyynnöt" }).waitFor();
    await member.locator(".home-emergency a[href^='tel:']").waitFor();
    expect(await member.locator(".home-emergency a[href^='tel:']").count()).toBe(1);
    await expectAccessible(member, "minulle");
    await member.screenshot({ path: path.join(screenshots, "portal-minulle.png"), fullPage: true });
    await member.getByRole("link", { name: "Kuntahakemisto" }).click();

    await member.getByLabel("Kunta").selectOption({ label: "Laukaa" });
    await member.getByLabel("Palvelualue").selectOption({ label: "Lastensuojelu" });
    await member.getByRole("button", { name: "Näytä toimipisteet" }).click();
    await member.getByRole("link", { name: "Laukaan lastensuojelu" }).click();
    await member.getByRole("heading", { level: 1, name: "Laukaan lastensuojelu" }).waitFor();
    const phone = member.locator('a[href^="tel:"]').first();
    expect(await phone.textContent()).toMatch(/^014 0000 \d{3}$/);
    expect(await phone.getAttribute("href")).toMatch(/^tel:0140000\d{3}$/);
    await expectAccessible(member, "unit");
    await member.screenshot({ path: path.join(screenshots, "portal-unit.png"), fullPage: true });
  });

  it("reads LSL 25 § and reaches Finlex", async () => {
    await member.getByRole("link", { name: "Lakitieto" }).click();
    await member.getByRole("link", { name: "Lastensuojelulaki" }).click();
    await member.getByRole("heading", { name: /25 §\s*Ilmoitusvelvollisuus/ }).waitFor();
    expect(await member.getByRole("link", { name: "Lue lakiteksti Finlexissä" }).getAttribute("href")).toBe(
      "https://www.finlex.fi/fi/lainsaadanto/2007/417",
    );
    await member.goto(`${portalUrl}/lait/417-2007#pykala-25`);
    await expect.poll(() => member.evaluate(() => document.activeElement?.id)).toBe("pykala-25");
    await expectAccessible(member, "statute");
  });

  it("finds things from the header search as they type, with the keyboard", async () => {
    const box = member.getByRole("combobox", { name: "Hae SosKesistä" });
    const firstOption = member.getByRole("listbox", { name: "Hae SosKesistä" }).getByRole("option").first();
    await box.fill("laukaan lastensuojelu");
    await expect.poll(() => firstOption.textContent()).toContain("Laukaan lastensuojelu");
    await box.press("ArrowDown");
    await box.press("Enter");
    await member.getByRole("heading", { level: 1, name: "Laukaan lastensuojelu" }).waitFor();

    await box.fill("SHL 36");
    await expect.poll(() => firstOption.textContent()).toContain("36 § Palvelutarpeen arviointi");
    await box.press("ArrowDown");
    await box.press("Enter");
    await expect.poll(() => member.evaluate(() => document.activeElement?.id)).toBe("pykala-36");

    await box.fill("sosiaalipaivystys");
    await expect.poll(() => firstOption.textContent()).toContain("Sosiaalipäivystys");
    await box.press("Enter");
    await member.waitForURL(/\/haku\?q=sosiaalipaivystys/);
    await member.locator(".hit").first().waitFor();
    expect(await member.locator(".hit mark").count()).toBeGreaterThan(0);
    await member.getByLabel("Tyyppi").selectOption("unit");
    await expect
      .poll(async () => new Set(await member.locator(".hit .hit__type").allTextContents()))
      .toEqual(new Set(["Toimipiste"]));
    await expectAccessible(member, "search results");
    await member.screenshot({ path: path.join(screenshots, "portal-search.png"), fullPage: true });

    await member.goto(`${portalUrl}/haku?q=lastensuojleu`);
    await member.getByText("Näytetään myös tulokset haulle").waitFor();
    await member.goto(`${portalUrl}/haku?q=qwxzvbnm`);
    await member.getByText("Haulla ”qwxzvbnm” ei löytynyt mitään.").waitFor();
    await expectAccessible(member, "search, nothing found");
  });

  it("answers the search command line from the same index, as JSON", () => {
    const run = spawnSync(
      process.execPath,
      [path.join(__dirname, "..", "..", "web/dist/server/search/cli.js"), "search", "--json", "SHL 36 §"],
      { env: { ...process.env, DATA_DIR: app.dataDir, LOG_LEVEL: "warn" }, encoding: "utf8" },
    );
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      hits: Array<{ type: string; section: string }>;
      total: number;
      tookMs: number;
    };
    expect(result.hits[0]).toMatchObject({ type: "section", statute: "1301/2014", section: "36" });
    expect(result.total).toBeGreaterThan(0);
    expect(typeof result.tookMs).toBe("number");
  });

  it("two colleagues talk in a closed group; one drops offline and misses nothing; an outsider sees nothing", async () => {
    const relayed = `http://localhost:${proxy.port}`;
    await member.goto(`${relayed}/ryhmat`);
    await member.getByRole("heading", { level: 1, name: "eKollega-ryhmät" }).waitFor();
    await member.getByRole("link", { name: "Lastensuojelun kollegat" }).click();
    await member.getByRole("heading", { level: 1, name: "Lastensuojelun kollegat" }).waitFor();
    // Message texts, not the screen-reader announcement that repeats the newest one.
    const message = (page: Page, text: string) => page.locator(".message__body", { hasText: text });
    await message(member, "Voin jakaa ohjeemme rungon.").waitFor();
    const groupPath = new URL(member.url()).pathname;
    await expectAccessible(member, "group");

    const expert = await loginAs("asiantuntija@demo.soskes.example");
    await expert.goto(`${portalUrl}${groupPath}`);
    const box = expert.getByRole("combobox", { name: /Kirjoita viesti ryhmään/ });
    await box.fill("Hei Sanna, lähetän ohjeen rungon tänään.");
    await box.press("Enter");
    await message(member, "Hei Sanna, lähetän ohjeen rungon tänään.").waitFor();

    // Sanna wants an e-mail at once when something new comes and she is away.
    await member.getByLabel("Sähköposti-ilmoitukset").selectOption("instant");
    await expect
      .poll(() =>
        member.evaluate(async () => {
          const groups = (await (await fetch("/api/groups")).json()) as {
            data: Array<{ name: string; membership: { notify: string } }>;
          };
          return groups.data.find((g) => g.name === "Lastensuojelun kollegat")?.membership.notify;
        }),
      )
      .toBe("instant");

    // Sanna's connection drops; Aarne keeps writing; she comes back and has everything, once, in order.
    proxy.cut();
    await member.getByText(/Yhteys katkesi/).waitFor();
    const during = ["Ensimmäinen viesti katkon aikana.", "Toinen viesti katkon aikana."];
    for (const text of during) {
      await box.fill(text);
      await box.press("Enter");
      await message(expert, text).waitFor();
    }
    proxy.restore();
    await message(member, during[1]!).waitFor({ timeout: 20_000 });
    const bodies = await member.locator(".message__body").allTextContents();
    expect(bodies.filter((b) => b.includes("katkon aikana"))).toEqual(during);
    await member.screenshot({ path: path.join(screenshots, "portal-group.png"), fullPage: true });

    // The e-mail (through the real SMTP sink) names the group in its text (never in the subject,
    // which holds nothing anyone wrote) and links to it, and holds no message text.
    const toSanna = () =>
      smtp.received.filter((m) => m.to.includes("sosiaalityontekija@demo.soskes.example"));
    await expect
      .poll(() => toSanna().some((m) => m.text.includes("Lastensuojelun kollegat")), { timeout: 15_000 })
      .toBe(true);
    const notice = toSanna().find((m) => m.text.includes("Lastensuojelun kollegat"))!;
    expect(notice.subject).toBe("Uusia viestejä eKollega-ryhmässäsi");
    expect(notice.text).toContain(groupPath);
    expect(notice.text).not.toContain("katkon aikana");
    expect(notice.text).not.toContain("ohjeen rungon");

    // Someone outside the group: no messages on the page, none through the API, none in search.
    const outsider = await loginAs("yllapitaja.laukaa@demo.soskes.example");
    await outsider.goto(`${portalUrl}${groupPath}`);
    await outsider.getByRole("button", { name: "Pyydä pääsyä" }).waitFor();
    expect(await outsider.getByText("katkon aikana").count()).toBe(0);
    const seen = await outsider.evaluate(async (p) => {
      const history = await fetch(`/api/groups/${p.split("/").pop()}/messages`);
      const search = (await (await fetch("/api/search?q=katkon%20aikana&type=message")).json()) as {
        data: { total: number };
      };
      return { history: history.status, found: search.data.total };
    }, groupPath);
    expect(seen).toEqual({ history: 404, found: 0 });
    const insider = await member.evaluate(async () => {
      const search = (await (await fetch("/api/search?q=katkon%20aikana&type=message")).json()) as {
        data: { total: number };
      };
      return search.data.total;
    });
    expect(insider).toBe(2);
  });

  it("an admin places the expert in their directory unit, which the expert cannot change", async () => {
    const page = await loginAs("admin@demo.soskes.example");
    await page.goto(`${portalUrl}/yllapito/kayttajat`);
    await page.getByRole("heading", { name: "Jäsenten yksiköt" }).waitFor();
    await page.getByLabel("Hae nimellä tai sähköpostilla").fill("asiantuntija@demo");
    const unit = page.getByLabel(/^Yksikkö: /);
    await expect.poll(() => unit.locator("option").count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await unit.selectOption({ label: "Vammaispalvelut, Jyväskylän seutu" });
    await page.getByText("Tallennettu.").waitFor();
    await page.getByText("Asiantuntija · Vammaispalvelut, Jyväskylän seutu").waitFor();
    await page.close();
  });

  it("a social worker in Saarijärvi asks the disability panel; an expert answers; she closes it with consent; the answer is published and a colleague in Keuruu finds it", async () => {
    const asker = await loginAs("sosiaalityontekija.saarijarvi@demo.soskes.example");
    await asker.goto(`${portalUrl}/konsultaatiot`);
    await asker.getByRole("heading", { level: 1, name: "eKonsultaatio" }).waitFor();
    await asker
      .getByLabel("Asiantuntijapaneeli")
      .selectOption({ label: "Vammaispalvelujen asiantuntijapaneeli" });
    await asker.getByLabel("Aihe").fill("Henkilökohtaisen avun tuntimäärä");
    const question = asker.getByRole("textbox", { name: "Kysymys" });
    await question.fill(
      "Asiakas Matti Virtanen tarvitsee apua vaihtelevasti. Miten tuntimäärä arvioidaan, kun tarve vaihtelee viikoittain?",
    );
    const send = asker.getByRole("button", { name: "Lähetä pyyntö" });
    expect(await send.isDisabled()).toBe(true); // the anonymisation checklist first
    for (const box of await asker
      .getByRole("group", { name: /Anonymisointi/ })
      .getByRole("checkbox")
      .all())
      await box.check();
    await send.click();
    // Flagged, never changed: she removes the name herself, and marks the key words in bold.
    await asker.getByText("näyttää henkilön nimeltä").waitFor();
    await question.fill(
      "Asiakas tarvitsee apua vaihtelevasti. Miten tuntimäärä arvioidaan, kun tarve vaihtelee ",
    );
    await question.press("End");
    await asker.getByRole("button", { name: "Lihavointi" }).click();
    await expect.poll(() => question.inputValue()).toMatch(/\*\*lihavoitu teksti\*\*$/);
    await question.fill(
      "Asiakas tarvitsee apua vaihtelevasti. Miten tuntimäärä arvioidaan, kun tarve vaihtelee **viikoittain**?",
    );
    await send.click();
    await asker.getByText(/Pyyntö lähetetty/).waitFor();
    await expectAccessible(asker, "consultations");
    await asker.getByRole("link", { name: "Avaa pyyntö" }).click();
    await asker.getByRole("heading", { level: 1, name: "Henkilökohtaisen avun tuntimäärä" }).waitFor();
    // Rich text shows as elements, not as marks.
    await asker.locator(".richtext strong", { hasText: "viikoittain" }).waitFor();
    const requestPath = new URL(asker.url()).pathname;
    await expectAccessible(asker, "consultation");

    // An expert of another unit (Jyväskylä) takes it and answers in the private thread.
    const expert = await loginAs("asiantuntija@demo.soskes.example");
    await expert.goto(`${portalUrl}${requestPath}`);
    await expert.getByRole("button", { name: "Ota pyyntö" }).click();
    await expert.getByRole("button", { name: "Merkitse vastatuksi" }).waitFor();
    await expert.getByRole("link", { name: "Avaa keskustelu" }).click();
    const box = expert.getByRole("combobox", { name: /Kirjoita viesti ryhmään/ });
    await box.fill("Arvioi tarve jaksoittain ja kirjaa vaihtelu päätökseen, ks. SHL 36 §.");
    await box.press("Enter");
    const reply = expert.locator(".message__body", { hasText: "Arvioi tarve jaksoittain" });
    await reply.waitFor();
    // The statute reference links to the section on the law page.
    expect(await reply.getByRole("link", { name: "SHL 36 §" }).getAttribute("href")).toBe(
      "/lait/1301-2014#pykala-36",
    );
    await expert.goto(`${portalUrl}${requestPath}`);
    await expert.getByRole("button", { name: "Merkitse vastatuksi" }).click();
    await expert.getByText("Vastattu", { exact: true }).waitFor();

    // She reads the answer, closes the request and consents to publication.
    await asker.reload();
    await asker.getByRole("link", { name: "Avaa keskustelu" }).click();
    await asker.locator(".message__body", { hasText: "Arvioi tarve jaksoittain" }).waitFor();
    await asker.goto(`${portalUrl}${requestPath}`);
    await asker.getByRole("button", { name: "Sulje pyyntö" }).click();
    await asker.getByRole("checkbox", { name: /saa julkaista/ }).check();
    await asker.getByRole("button", { name: "Vahvista sulkeminen" }).click();
    await asker.getByText("Suljettu", { exact: true }).waitFor();
    await asker.getByText("Olet antanut luvan julkaista anonymisoidun vastauksen.").waitFor();

    // The expert writes the anonymised Q&A with the section it relies on; as the panel's lead he approves it.
    await expert.reload();
    await expert.getByRole("button", { name: "Kirjoita vastauspankkiin" }).click();
    await expert.getByLabel("Otsikko").fill("Vaihtelevan avuntarpeen tuntimäärä henkilökohtaisessa avussa");
    await expert
      .getByRole("textbox", { name: "Vastaus", exact: true })
      .fill(
        "Kun avuntarve vaihtelee, arvioi tarve jaksoittain ja kirjaa vaihtelun peruste päätökseen. Tuntimäärän voi myöntää jaksokohtaisena kiinteän viikkomäärän sijaan.",
      );
    await expert
      .getByLabel("Laki", { exact: true })
      .selectOption({ label: "Sosiaalihuoltolaki (1301/2014)" });
    await expert
      .getByLabel("Pykälä", { exact: true })
      .selectOption({ label: "36 § Palvelutarpeen arviointi" });
    await expert.getByRole("button", { name: "Lisää lainkohta" }).click();
    await expert.getByText("1301/2014 36 §").waitFor();
    await expectAccessible(expert, "answer editor");
    await expert.getByRole("button", { name: "Tallenna ja lähetä hyväksyttäväksi" }).click();
    await expert.getByText("Odottaa hyväksyntää", { exact: true }).waitFor();
    await expert.getByRole("button", { name: "Hyväksy ja julkaise" }).click();
    await expert.getByRole("link", { name: "Avaa julkaistu vastaus" }).waitFor();

    // A colleague in Keuruu finds it from the header search and reads it — nothing of the thread.
    const colleague = await loginAs("sosiaalityontekija.keuruu@demo.soskes.example");
    const search = colleague.getByRole("combobox", { name: "Hae SosKesistä" });
    const first = colleague.getByRole("listbox", { name: "Hae SosKesistä" }).getByRole("option").first();
    await search.fill("vaihtelevan avuntarpeen tuntimäärä");
    await expect
      .poll(() => first.textContent(), { timeout: 10_000 })
      .toContain("Vaihtelevan avuntarpeen tuntimäärä");
    await search.press("ArrowDown");
    await search.press("Enter");
    await colleague
      .getByRole("heading", {
        level: 1,
        name: "Vaihtelevan avuntarpeen tuntimäärä henkilökohtaisessa avussa",
      })
      .waitFor();
    await colleague.getByRole("link", { name: /1301\/2014/ }).waitFor();
    expect(await colleague.getByText("ks. SHL 36 §").count()).toBe(0);
    expect(await colleague.getByText("Saarijärven").count()).toBe(0);
    await expectAccessible(colleague, "answer");
    await colleague.goto(`${portalUrl}/vastauspankki`);
    await colleague.getByRole("heading", { level: 1, name: "Vastauspankki" }).waitFor();
    await colleague.locator(".card").first().waitFor();
    await expectAccessible(colleague, "answer bank");

    // The admin sees it in the report (table and chart) and the audit log.
    const admin = await loginAs("admin@demo.soskes.example");
    await admin.goto(`${portalUrl}/yllapito/ekonsultaatio`);
    const row = admin.getByRole("row", { name: /Vammaispalvelujen asiantuntijapaneeli/ });
    await row.waitFor();
    await admin.getByRole("img", { name: /Vastausaikojen mediaani/ }).waitFor();
    // Every read of the request is in the audit log, the expert's among them.
    await admin
      .getByRole("row", { name: /asiantuntija@demo\.soskes\.example read/ })
      .first()
      .waitFor();
    await expectAccessible(admin, "consult admin");
  });

  it("a maintainer gets a reminder e-mail and confirms with one click, without logging in, that a record is still valid", async () => {
    await expect
      .poll(
        () => smtp.received.filter((m) => m.to.includes("yllapitaja.laukaa@demo.soskes.example")).length,
        {
          timeout: 30_000,
        },
      )
      .toBeGreaterThan(0);
    const mail = smtp.received.find(
      (m) => m.to.includes("yllapitaja.laukaa@demo.soskes.example") && m.subject.startsWith("Tarkista"),
    )!;
    const links = mail.text.match(/https?:\/\/\S+\/tarkistettu\?t=\S+/g) ?? [];
    expect(links.length).toBeGreaterThan(0);
    const page = await (await browser.newContext({ locale: "fi-FI" })).newPage();
    await page.goto(links[0]!);
    await page.getByRole("heading", { level: 1, name: "Onko tieto ajan tasalla?" }).waitFor();
    await expectAccessible(page, "freshness link");
    await page.getByRole("button", { name: "Tiedot ovat ajan tasalla" }).click();
    await page.getByText(/Kiitos! Tieto on merkitty tarkistetuksi/).waitFor();
    // Single use: the same link now says it is done.
    await page.reload();
    await page.getByText("Tieto on jo merkitty tarkistetuksi tämän muistutuksen jälkeen.").waitFor();
    // The rest of the reminder's links, one click each, and her dashboard's checks turn green.
    for (const link of links.slice(1)) {
      const token = new URL(link).searchParams.get("t")!;
      const status = await page.evaluate(async (t) => {
        const csrf = /soskes\.csrf=([^;]+)/.exec(document.cookie)?.[1] ?? "";
        const res = await fetch("/api/freshness/confirm", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
          body: JSON.stringify({ token: t }),
        });
        return res.status;
      }, token);
      expect(status).toBe(200);
    }
    const maintainer = await loginAs("yllapitaja.laukaa@demo.soskes.example");
    await maintainer.goto(`${portalUrl}/yllapito/tuoreus`);
    await maintainer.getByRole("heading", { level: 1, name: "Sisällön ylläpito" }).waitFor();
    await maintainer.locator(".tile").first().waitFor();
    expect(await maintainer.locator("#maintenance-municipality").inputValue()).toBe("410");
    for (const tile of ["tarkistus erääntyy 14 päivässä", "tarkistus myöhässä"])
      await expect
        .poll(() => maintainer.locator(".tile", { hasText: tile }).getAttribute("class"), { timeout: 15_000 })
        .toContain("tile--ok");
    await expectAccessible(maintainer, "maintenance dashboard");
    // The maintainer guide is a click away, and searchable.
    await maintainer.getByRole("link", { name: "Aukioloajat", exact: true }).click();
    await maintainer
      .getByRole("heading", { level: 1, name: "Ylläpitäjän opas: aukioloajat ja poikkeukset" })
      .waitFor();
    const found = await maintainer.evaluate(async () => {
      const res = await fetch("/api/search?q=aukioloajat%20poikkeukset&type=page");
      return ((await res.json()) as { data: { hits: Array<{ url: string }> } }).data.hits.map((h) => h.url);
    });
    expect(found).toContain("/sivut/yllapitajan-opas-aukioloajat");
  });

  it("a colleague posts a notice that others find; a visitor sends accessibility feedback that an admin answers by e-mail", async () => {
    const keuruu = await loginAs("sosiaalityontekija.keuruu@demo.soskes.example");
    await keuruu.goto(`${portalUrl}/ilmoitustaulu`);
    await keuruu.getByRole("heading", { level: 1, name: "Ilmoitustaulu" }).waitFor();
    await keuruu.getByRole("radio", { name: "Annetaan" }).check();
    await keuruu.getByLabel("Otsikko").fill("Annetaan pois lasten lautapelejä");
    await keuruu
      .getByRole("textbox", { name: "Ilmoitus", exact: true })
      .fill("Kymmenkunta ehjää lautapeliä perhetyön käyttöön, noudettavissa Keuruulta.");
    await keuruu.getByRole("button", { name: "Julkaise ilmoitus" }).click();
    await keuruu.getByText("Ilmoitus julkaistu:").waitFor();
    await expectAccessible(keuruu, "notice board");

    // Another member sees it on the board and finds it from the header search.
    await member.goto(`${portalUrl}/ilmoitustaulu`);
    await member.getByRole("link", { name: "Annetaan pois lasten lautapelejä" }).waitFor();
    const box = member.getByRole("combobox", { name: "Hae SosKesistä" });
    await box.fill("lautapelit");
    const first = member.getByRole("listbox", { name: "Hae SosKesistä" }).getByRole("option").first();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain("lautapelejä");
    await box.press("Escape");

    // A visitor who is not logged in reaches the accessibility statement and the feedback form.
    const visitor = await (await browser.newContext({ locale: "fi-FI" })).newPage();
    await visitor.goto(`${portalUrl}/saavutettavuus`);
    await visitor.getByRole("heading", { level: 1, name: "Saavutettavuusseloste" }).waitFor();
    await expectAccessible(visitor, "accessibility statement");
    await visitor.getByRole("link", { name: "Anna saavutettavuuspalautetta" }).click();
    await visitor.getByRole("heading", { level: 1, name: "Anna palautetta" }).waitFor();
    expect(await visitor.getByRole("radio", { name: "Saavutettavuus" }).isChecked()).toBe(true);
    await visitor
      .getByLabel("Palaute", { exact: true })
      .fill("Ilmoitustaulun päivämääräkenttä ei kerro ruudunlukijalle enimmäispäivää.");
    await visitor.getByLabel("Nimi").fill("Vieno Vierailija");
    await visitor.getByLabel("Sähköpostiosoite").fill("vieno.vierailija@example.org");
    await expectAccessible(visitor, "feedback form");
    await visitor.getByRole("button", { name: "Lähetä palaute" }).click();
    await visitor.getByText("Kiitos palautteesta!").waitFor();
    await visitor.getByText(/Vastaamme viimeistään/).waitFor();

    // The admin sees its 14-day deadline and answers it; the answer arrives by e-mail.
    const admin = await loginAs("admin@demo.soskes.example");
    await admin.goto(`${portalUrl}/yllapito/palaute`);
    const item = admin.locator("li.card", { hasText: "Ilmoitustaulun päivämääräkenttä" });
    await item.getByText(/Vastattava viimeistään/).waitFor();
    await expectAccessible(admin, "feedback admin");
    const answer = "Kiitos! Lisäsimme kenttään ohjeen, joka kertoo enimmäispäivän.";
    await item.getByLabel("Vastaus sähköpostilla").fill(answer);
    await item.getByRole("button", { name: "Lähetä vastaus" }).click();
    await expect
      .poll(() => smtp.received.filter((m) => m.to.includes("vieno.vierailija@example.org")).length, {
        timeout: 15_000,
      })
      .toBe(1);
    const mail = smtp.received.find((m) => m.to.includes("vieno.vierailija@example.org"))!;
    expect(mail.text).toContain(answer);
    expect(mail.text).toContain("Hei Vieno Vierailija,");
  });

  it("an admin opens a satisfaction survey that members answer; results as a chart; the usage overview shows what was read and not found", async () => {
    const admin = await loginAs("admin@demo.soskes.example");
    await admin.goto(`${portalUrl}/yllapito/kyselyt`);
    await admin.getByRole("heading", { level: 1, name: "Käyttäjäkyselyt" }).waitFor();
    await admin.getByLabel("Otsikko").fill("Syksyn käyttäjäkysely");
    await admin
      .getByLabel("Kysymykset (1–5-asteikko)")
      .fill("Löydätkö tarvitsemasi yhteystiedot?\nOnko haku avuksi työssäsi?");
    await admin.getByLabel("Avoin kysymys (vapaaehtoinen)").fill("Mitä parantaisit?");
    await admin.getByRole("button", { name: "Avaa kysely" }).click();
    await admin.getByRole("heading", { level: 2, name: "Syksyn käyttäjäkysely" }).waitFor();
    await expectAccessible(admin, "surveys admin");

    // A member is invited on any page, answers, and the invitation goes away.
    const keuruu = await loginAs("sosiaalityontekija.keuruu@demo.soskes.example");
    await keuruu.getByText("Kerro mielipiteesi: Syksyn käyttäjäkysely").waitFor();
    await keuruu.getByRole("link", { name: "Avoinna" }).click();
    await keuruu.getByRole("heading", { level: 1, name: "Syksyn käyttäjäkysely" }).waitFor();
    await keuruu.getByRole("group", { name: "Löydätkö tarvitsemasi yhteystiedot?" }).getByLabel("4").check();
    await keuruu
      .getByRole("group", { name: "Onko haku avuksi työssäsi?" })
      .getByLabel("5 – erinomaisesti")
      .check();
    await keuruu.getByLabel("Mitä parantaisit?").fill("Lisää ruotsinkielisiä ohjeita.");
    await expectAccessible(keuruu, "survey");
    await keuruu.getByRole("button", { name: "Lähetä vastaukset" }).click();
    await keuruu.getByText("Kiitos vastauksistasi!").waitFor();
    await keuruu.goto(`${portalUrl}/`);
    await keuruu.locator("h1").first().waitFor();
    expect(await keuruu.getByText("Kerro mielipiteesi").count()).toBe(0);

    await admin.reload();
    await admin.getByRole("button", { name: "Näytä tulokset" }).first().click();
    await admin.getByRole("img", { name: /Kysymysten keskiarvot/ }).waitFor();
    await admin.getByText("Lisää ruotsinkielisiä ohjeita.").waitFor();

    // The usage overview: the unit the social worker opened, and a search that found nothing.
    const viewed = await keuruu.evaluate(async () => {
      const list = (await (
        await fetch("/api/directory/units?municipality=410&serviceArea=lastensuojelu")
      ).json()) as {
        data: Array<{ id: string; name: string }>;
      };
      await fetch(`/api/units/${list.data[0]!.id}`);
      await fetch("/api/search?q=zyxwvutsr");
      return list.data[0]!.name;
    });
    await admin.goto(`${portalUrl}/yllapito/kaytto`);
    await admin.getByRole("heading", { level: 1, name: "Käytön yleiskuva" }).waitFor();
    await admin.getByRole("link", { name: viewed }).first().waitFor();
    await admin.getByRole("rowheader", { name: "zyxwvutsr" }).waitFor();
    await expectAccessible(admin, "usage");
  });

  it("hostile text stays text: an XSS corpus through every free-text and rich-text field, rendered in Chromium, never runs", async () => {
    const CORPUS = [
      '<img src=x onerror="window.__xss=1">',
      "<script>window.__xss=1</script>",
      '<svg onload="window.__xss=1"></svg>',
      '"><iframe src="javascript:window.__xss=1"></iframe>',
      "[klikkaa](javascript:window.__xss=1)",
      "[klikkaa](data:text/html,<script>window.__xss=1</script>)",
      "javascript:window.__xss=1",
    ];
    const text = CORPUS.join(" \n");
    const writer = await loginAs("sosiaalityontekija.keuruu@demo.soskes.example");
    const admin = await loginAs("admin@demo.soskes.example");
    let alerts = 0;
    for (const page of [writer, admin]) page.on("dialog", (d) => void d.dismiss().then(() => (alerts += 1)));
    // Everything goes in through the API, the way a hostile client would send it.
    const post = (page: Page, method: string, url: string, body: unknown) =>
      page.evaluate(
        async ([m, u, b]) => {
          const csrf = /soskes\.csrf=([^;]+)/.exec(document.cookie)?.[1] ?? "";
          const res = await fetch(u, {
            method: m,
            headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
            body: JSON.stringify(b),
          });
          return {
            status: res.status,
            body: (await res.json().catch(() => null)) as { data?: { id: number } },
          };
        },
        [method, url, body] as const,
      );
    const groups = await writer.evaluate(async () => {
      const res = await fetch("/api/groups");
      return ((await res.json()) as { data: Array<{ id: number; name: string; membership: unknown }> }).data;
    });
    const open = groups.find((g) => g.name === "Kahvihuone")!;
    await post(writer, "POST", `/api/groups/${open.id}/join`, {});
    expect(
      (
        await post(writer, "POST", `/api/groups/${open.id}/messages`, {
          clientId: "xss-korpus-1",
          body: text,
        })
      ).status,
    ).toBe(201);
    const notice = await post(writer, "POST", "/api/notices", {
      kind: "announcement",
      title: CORPUS[0],
      body: text,
    });
    expect(notice.status).toBe(201);
    const consultation = await post(writer, "POST", "/api/consultations", {
      serviceArea: "vammaispalvelut",
      topic: CORPUS[2],
      question: text,
      anonymised: true,
      acknowledgeFlags: true,
    });
    expect(consultation.status).toBe(201);
    expect(
      (await post(writer, "POST", "/api/feedback", { topic: "portal", message: text, signed: true })).status,
    ).toBe(201);
    expect((await post(writer, "PATCH", "/api/me", { title: CORPUS[0], expertise: text })).status).toBe(200);

    const visits: Array<[Page, string]> = [
      [writer, `/ryhmat/${open.id}`],
      [writer, `/ilmoitustaulu/${notice.body.data!.id}`],
      [writer, `/konsultaatiot/${consultation.body.data!.id}`],
      [writer, `/haku?q=${encodeURIComponent(CORPUS[0]!)}`],
      [admin, "/yllapito/palaute"],
      [admin, "/ihmiset?haku=koivisto"],
    ];
    for (const [page, url] of visits) {
      await page.goto(`${portalUrl}${url}`);
      await page.locator("h1").first().waitFor();
      await page.waitForTimeout(300);
      const state = await page.evaluate(() => ({
        ran: (window as unknown as { __xss?: number }).__xss ?? 0,
        injected: document.querySelectorAll('img[src="x"], main script, main iframe, main svg[onload]')
          .length,
        scriptLinks: Array.from(document.querySelectorAll("a[href]")).filter((a) =>
          /^(javascript|data):/i.test(a.getAttribute("href") ?? ""),
        ).length,
      }));
      expect(state, url).toEqual({ ran: 0, injected: 0, scriptLinks: 0 });
    }
    // The text was kept as written (shown as text, never dropped).
    await writer.goto(`${portalUrl}/ilmoitustaulu/${notice.body.data!.id}`);
    await writer.getByText("<script>window.__xss=1</script>", { exact: false }).first().waitFor();
    expect(alerts).toBe(0);
  });

  it("passes axe on every page in Finnish and in Swedish", async () => {
    for (const lang of ["fi", "sv"]) {
      await member.locator("#language").selectOption(lang);
      for (const url of [
        "/",
        "/minulle",
        "/ilmoitukset",
        "/?kunta=179&palvelualue=vammaispalvelut",
        "/lait",
        "/lait/1301-2014",
        "/palvelualueet",
        "/palvelualueet/lastensuojelu",
        "/sivut/aikuissosiaalityo",
        "/tapahtumat",
        "/uutiset",
        "/ryhmat",
        "/konsultaatiot",
        "/vastauspankki",
        "/ilmoitustaulu",
        "/palaute",
        "/saavutettavuus",
        "/oma-tili",
        "/ihmiset?haku=sanna",
        "/haku?q=lastensuojelu",
        "/ei-tallaista-sivua",
      ]) {
        await member.goto(`${portalUrl}${url}`);
        await member.locator("h1").first().waitFor();
        if (url.includes("kunta") || url.includes("haku") || url === "/tapahtumat")
          await member.locator(".card").first().waitFor();
        expect(await member.evaluate(() => document.documentElement.lang)).toBe(lang);
        await expectAccessible(member, `${lang} ${url}`);
      }
    }
    await member.locator("#language").selectOption("fi");
    await member.getByLabel("Kieli").waitFor();
  });

  it("passes axe on the visitor pages and the admin's page, in Finnish and Swedish", async () => {
    for (const locale of ["fi-FI", "sv-FI"]) {
      const context = await browser.newContext({ locale });
      const lang = locale.slice(0, 2);
      await context.addCookies([{ name: "soskes.lang", value: lang, url: portalUrl }]);
      const visitor = await context.newPage();
      for (const url of [
        "/kirjaudu",
        "/kirjaudu?sso=failed",
        "/rekisteroidy",
        "/salasana",
        "/salasana/uusi?token=x",
        "/kutsu?token=x",
        "/vahvista",
        "/saavutettavuus",
        "/palaute",
        "/tarkistettu",
      ]) {
        await visitor.goto(`${portalUrl}${url}`);
        await visitor.locator("h1").first().waitFor();
        expect(await visitor.evaluate(() => document.documentElement.lang)).toBe(lang);
        await expectAccessible(visitor, `${lang} ${url}`);
      }
      await visitor.goto(`${portalUrl}/kirjaudu`);
      await visitor
        .getByLabel(lang === "fi" ? "Sähköpostiosoite" : "E-postadress")
        .fill("admin@demo.soskes.example");
      await visitor.getByLabel(lang === "fi" ? "Salasana" : "Lösenord").fill(PASSWORD);
      await visitor.locator('button[type="submit"]').click();
      await visitor.waitForURL(`${portalUrl}/minulle`);
      await visitor.goto(`${portalUrl}/yllapito/kayttajat`);
      await visitor.locator("h1").first().waitFor();
      await visitor.locator("#invite-role").waitFor();
      await expectAccessible(visitor, `${lang} admin users`);
      await context.close();
    }
  });

  it("a maintainer edits a Laukaa unit in Strapi and the portal shows it within seconds", async () => {
    await admin.goto(`${cmsUrl}/admin`);
    await admin.getByLabel(/Sähköposti|Email/).fill("yllapitaja.laukaa@demo.soskes.example");
    await admin
      .getByLabel(/Salasana|Password/)
      .first()
      .fill(PASSWORD);
    await admin.getByRole("button", { name: /Kirjaudu|Login/ }).click();
    await admin.waitForURL((url) => !url.pathname.includes("/auth/"), { timeout: 30_000 });
    await admin.goto(`${cmsUrl}/admin/content-manager/collection-types/api::service-unit.service-unit`);
    await expect
      .poll(() => admin.getByText("Laukaan lastensuojelu").count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await admin.getByText("Jyväskylän lastensuojelu").count()).toBe(0);

    const unit = await unitBySource("demo:unit:410:lastensuojelu");
    await admin.goto(
      `${cmsUrl}/admin/content-manager/collection-types/api::service-unit.service-unit/${unit.documentId}`,
    );
    const note = admin.locator('input[name="openingNote"]');
    await note.waitFor({ timeout: 30_000 });
    // Fields carry Finnish labels and help texts, not attribute names.
    await expect.poll(() => admin.getByText("Aukiolon lisätieto").count()).toBeGreaterThan(0);
    expect(await admin.getByText("Kunta (ylläpitovastuu)").count()).toBeGreaterThan(0);
    await note.fill("Puhelinaika ma–to klo 9–11, pe klo 9–10.");
    await admin.getByRole("button", { name: /^(Julkaise|Publish)$/ }).click();
    await expect
      .poll(async () => (await unitBySource("demo:unit:410:lastensuojelu")).openingNote, { timeout: 30_000 })
      .toBe("Puhelinaika ma–to klo 9–11, pe klo 9–10.");

    const published = Date.now();
    await expect
      .poll(
        async () => {
          await member.goto(`${portalUrl}/toimipiste/${unit.documentId}`);
          await member.locator("h1").waitFor();
          return member.getByText("Puhelinaika ma–to klo 9–11, pe klo 9–10.").count();
        },
        { timeout: 5_000, interval: 250 },
      )
      .toBeGreaterThan(0);
    expect(Date.now() - published).toBeLessThan(5_000);
    await admin.screenshot({ path: path.join(screenshots, "maintainer-unit-published.png") });
  });

  it("the maintainer cannot open or change a Jyväskylä unit", async () => {
    const unit = await unitBySource("demo:unit:179:lastensuojelu");
    await admin.goto(
      `${cmsUrl}/admin/content-manager/collection-types/api::service-unit.service-unit/${unit.documentId}`,
    );
    await admin.waitForLoadState("networkidle");
    expect(await admin.locator('input[name="openingNote"]').count()).toBe(0);
    expect((await unitBySource("demo:unit:179:lastensuojelu")).openingNote).toBe(unit.openingNote);
  });
});
