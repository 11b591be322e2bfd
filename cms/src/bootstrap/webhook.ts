import type { Core } from "@strapi/strapi";
import type { Config } from "@soskes/config";
import { webhookServices } from "../strapi-services";

export const PORTAL_WEBHOOK_NAME = "SosKes-portaali";
export const WEBHOOK_EVENTS = [
  "entry.create",
  "entry.update",
  "entry.delete",
  "entry.publish",
  "entry.unpublish",
];

/**
 * Keeps one Strapi webhook pointed at the portal server. The shared secret travels in
 * server.webhooks.defaultHeaders (from config), so it is never stored in the database.
 */
export async function ensurePortalWebhook(strapi: Core.Strapi, config: Config): Promise<void> {
  const { store, runner } = webhookServices(strapi);
  const hooks = await store.findWebhooks();
  const wanted = {
    name: PORTAL_WEBHOOK_NAME,
    url: config.cms.webhookUrl,
    events: WEBHOOK_EVENTS,
    headers: {},
    isEnabled: true,
  };
  const current = hooks.find((h) => h.name === PORTAL_WEBHOOK_NAME);
  if (!current) {
    const created = await store.createWebhook(wanted);
    runner.add(created);
  } else if (
    current.url !== wanted.url ||
    current.events.join() !== wanted.events.join() ||
    !current.isEnabled
  ) {
    const updated = await store.updateWebhook(current.id, wanted);
    runner.update(updated);
  }
}
