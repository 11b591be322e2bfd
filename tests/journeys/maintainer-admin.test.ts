import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, hasChromium, launchChromium, startSosKes, type Started } from "../support";

/**
 * The foundation's "done when": a newcomer runs `npm start`, logs into the Strapi admin as
 * the Laukaa maintainer, edits a Laukaa unit and cannot touch Jyväskylä's.
 */
describe.skipIf(!hasChromium)("a municipality maintainer in the Strapi admin", () => {
  let app: Started;
  let browser: Browser;
  let page: Page;
  let base: string;
  let apiToken: string;
  const screenshots = path.join(__dirname, "..", "..", "test-results");

  const api = async <T>(pathAndQuery: string): Promise<T> => {
    const res = await fetch(`${base}/api/${pathAndQuery}`, {
      headers: { Authorization: `Bearer ${apiToken}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const unitBySource = async (sourceId: string) =>
    (
      await api<{ data: Array<{ documentId: string; openingNote: string | null }> }>(
        `service-units?filters[sourceId][$eq]=${encodeURIComponent(sourceId)}`,
      )
    ).data[0]!;

  beforeAll(async () => {
    const port = await freePort();
    app = await startSosKes({ CMS_PORT: String(port), PORT: String(await freePort()) });
    base = `http://localhost:${port}`;
    apiToken = (
      JSON.parse(readFileSync(path.join(app.dataDir, "secrets.json"), "utf8")) as { CMS_API_TOKEN: string }
    ).CMS_API_TOKEN;
    browser = await launchChromium();
    page = await browser.newPage({ locale: "fi-FI", viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    const code = await app?.stop();
    expect(code).toBe(0);
  });

  it("prints the admin URL and the demo logins", () => {
    expect(app.output()).toContain(`Strapi admin (sisällönhallinta):  ${base}/admin`);
    expect(app.output()).toContain("yllapitaja.laukaa@demo.soskes.example");
    expect(app.output()).toContain("Demo logins — password: Demo-salasana-2026");
  });

  it("logs in and sees only Laukaa's units", async () => {
    await page.goto(`${base}/admin`);
    await page.getByLabel(/Sähköposti|Email/).fill("yllapitaja.laukaa@demo.soskes.example");
    await page
      .getByLabel(/Salasana|Password/)
      .first()
      .fill("Demo-salasana-2026");
    await page.getByRole("button", { name: /Kirjaudu|Login/ }).click();
    await page.waitForURL((url) => !url.pathname.includes("/auth/"), { timeout: 30_000 });
    await page.goto(`${base}/admin/content-manager/collection-types/api::service-unit.service-unit`);
    await expect
      .poll(() => page.getByText("Laukaan lastensuojelu").count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await page.getByText("Jyväskylän lastensuojelu").count()).toBe(0);
    await page.screenshot({ path: path.join(screenshots, "maintainer-unit-list.png") });
  });

  it("edits and publishes a Laukaa unit", async () => {
    const unit = await unitBySource("demo:unit:410:lastensuojelu");
    await page.goto(
      `${base}/admin/content-manager/collection-types/api::service-unit.service-unit/${unit.documentId}`,
    );
    const note = page.locator('input[name="openingNote"]');
    await note.waitFor({ timeout: 30_000 });
    // Fields carry Finnish labels and help texts, not attribute names.
    await expect.poll(() => page.getByText("Aukiolon lisätieto").count()).toBeGreaterThan(0);
    expect(await page.getByText("Kunta (ylläpitovastuu)").count()).toBeGreaterThan(0);
    await note.fill("Puhelinaika ma–to klo 9–11, pe klo 9–10.");
    await page.getByRole("button", { name: /^(Julkaise|Publish)$/ }).click();
    await expect
      .poll(async () => (await unitBySource("demo:unit:410:lastensuojelu")).openingNote, { timeout: 30_000 })
      .toBe("Puhelinaika ma–to klo 9–11, pe klo 9–10.");
    await page.screenshot({ path: path.join(screenshots, "maintainer-unit-published.png") });
  });

  it("cannot open or change a Jyväskylä unit", async () => {
    const unit = await unitBySource("demo:unit:179:lastensuojelu");
    await page.goto(
      `${base}/admin/content-manager/collection-types/api::service-unit.service-unit/${unit.documentId}`,
    );
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join(screenshots, "maintainer-foreign-unit.png") });
    expect(await page.locator('input[name="openingNote"]').count()).toBe(0);
    expect((await unitBySource("demo:unit:179:lastensuojelu")).openingNote).toBe(unit.openingNote);
  });
});
