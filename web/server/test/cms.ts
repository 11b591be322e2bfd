import type { AddressInfo } from "node:net";
import { startCms, type TestCms } from "../../../cms/tests/harness.js";
import { freePort, startTestPortal, type TestPortal } from "./fixtures.js";

/**
 * A demo-seeded Strapi booted in this worker and a portal on SQLite reading it, with Strapi's
 * webhook pointed at the portal — the content flow as `npm start` runs it.
 */
export async function startPortalWithCms(): Promise<{ cms: TestCms; portal: TestPortal; cmsUrl: string }> {
  const portalPort = await freePort();
  const cms = await startCms({
    seed: "demo",
    env: { CMS_WEBHOOK_URL: `http://127.0.0.1:${portalPort}/api/cms/webhook` },
  });
  const httpServer = cms.strapi.server.httpServer;
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const cmsUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const portal = await startTestPortal("sqlite", {
    env: { DATA_DIR: cms.dataDir, CMS_URL: cmsUrl },
    port: portalPort,
  });
  return { cms, portal, cmsUrl };
}
