import type { Core } from "@strapi/strapi";
import type { Config } from "@soskes/config";

export const PORTAL_WEBHOOK_NAME = "SosKes-portaali";
export const WEBHOOK_EVENTS = ["entry.create", "entry.update", "entry.delete", "entry.publish", "entry.unpublish"];

type Webhook = { id: string | number; name: string; url: string; events: string[]; isEnabled: boolean; headers: Record<string, string> };

/**
 * Keeps one Strapi webhook pointed at the portal server. The shared secret travels in
 * server.webhooks.defaultHeaders (from config), so it is never stored in the database.
 */
export async function ensurePortalWebhook(strapi: Core.Strapi, config: Config): Promise<void> {
  const store = strapi.get("webhookStore");
  const runner = strapi.get("webhookRunner");
  const hooks = (await store.findWebhooks()) as Webhook[];
  const wanted = { name: PORTAL_WEBHOOK_NAME, url: config.cms.webhookUrl, events: WEBHOOK_EVENTS, headers: {}, isEnabled: true };
  const current = hooks.find((h) => h.name === PORTAL_WEBHOOK_NAME);
  if (!current) {
    const created = (await store.createWebhook(wanted)) as Webhook;
    runner.add(created);
  } else if (current.url !== wanted.url || current.events.join() !== wanted.events.join() || !current.isEnabled) {
    const updated = (await store.updateWebhook(current.id, wanted)) as Webhook;
    runner.update(updated);
  }
}
