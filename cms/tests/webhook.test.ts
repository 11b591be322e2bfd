import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCms, type TestCms } from "./harness";

type Call = {
  headers: http.IncomingHttpHeaders;
  body: { event: string; model: string; uid: string; entry: { documentId: string } };
};

let cms: TestCms;
let listener: http.Server;
const calls: Call[] = [];

beforeAll(async () => {
  listener = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      calls.push({ headers: req.headers, body: JSON.parse(raw) as Call["body"] });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const { port } = listener.address() as AddressInfo;
  cms = await startCms({
    seed: "reference",
    env: {
      CMS_WEBHOOK_URL: `http://127.0.0.1:${port}/api/cms/webhook`,
      WEBHOOK_SECRET: "test-webhook-secret-0123456789abcdef",
    },
  });
});
afterAll(async () => {
  await cms?.close();
  listener?.close();
});

async function waitFor(predicate: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

describe("webhook to the portal", () => {
  it("calls the configured URL with the model and document id on create, publish, unpublish and delete", async () => {
    const doc = await cms.strapi
      .documents("api::service-unit.service-unit")
      .create({ data: { name: "Webhook-testi" } });
    await cms.strapi.documents("api::service-unit.service-unit").publish({ documentId: doc.documentId });
    await cms.strapi.documents("api::service-unit.service-unit").unpublish({ documentId: doc.documentId });
    await cms.strapi.documents("api::service-unit.service-unit").delete({ documentId: doc.documentId });
    const events = ["entry.create", "entry.publish", "entry.unpublish", "entry.delete"];
    const callFor = (event: string) =>
      calls.find((c) => c.body.event === event && c.body.entry?.documentId === doc.documentId);
    await waitFor(() => events.every((e) => callFor(e)));
    for (const event of events) {
      const call = callFor(event);
      expect(call, event).toBeDefined();
      expect(call!.body.model).toBe("service-unit");
      expect(call!.body.uid).toBe("api::service-unit.service-unit");
      expect(call!.body.entry.documentId).toBe(doc.documentId);
      expect(call!.headers.authorization).toBe("Bearer test-webhook-secret-0123456789abcdef");
    }
  });

  it("is registered once however often the CMS starts", async () => {
    const store = cms.strapi.get<{ findWebhooks(): Promise<Array<{ name: string; url: string }>> }>(
      "webhookStore",
    );
    const hooks = await store.findWebhooks();
    expect(hooks.filter((h) => h.name === "SosKes-portaali")).toHaveLength(1);
  });
});
