/**
 * Typed views of the Strapi services SosKes calls. Strapi's service locators return `any`;
 * this file is the single place where they are given the (small) shapes we rely on.
 */
import type { Core } from "@strapi/strapi";

export type Permission = {
  action: string;
  subject?: string | null;
  properties?: Record<string, unknown>;
  conditions?: string[];
};

type Role = { id: number; code: string };
type Webhook = {
  id: string | number;
  name: string;
  url: string;
  events: string[];
  isEnabled: boolean;
  headers: Record<string, string>;
};

export type AdminServices = {
  role: {
    findOne(where: { code: string }): Promise<Role | null>;
    create(attributes: { name: string; code: string; description: string }): Promise<Role>;
    assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
  };
  permission: {
    actionProvider: { values(): Array<{ section: string }> };
    conditionProvider: {
      register(condition: {
        displayName: string;
        name: string;
        category?: string;
        handler: (user: never) => unknown;
      }): Promise<unknown>;
    };
  };
  contentType: { getPermissionsWithNestedFields(actions: Array<{ section: string }>): Permission[] };
  user: {
    create(attributes: {
      email: string;
      firstname: string;
      lastname: string;
      password: string;
      isActive: boolean;
      roles: number[];
    }): Promise<unknown>;
  };
  apiToken: {
    hash(accessKey: string): string;
    create(attributes: {
      name: string;
      description: string;
      type: "read-only";
      kind: "content-api";
      lifespan: null;
    }): Promise<{ id: number }>;
  };
  encryption: { encrypt(value: string): string };
};

export function adminServices(strapi: Core.Strapi): AdminServices {
  return {
    role: strapi.service("admin::role") as AdminServices["role"],
    permission: strapi.service("admin::permission") as AdminServices["permission"],
    contentType: strapi.service("admin::content-type") as AdminServices["contentType"],
    user: strapi.service("admin::user") as AdminServices["user"],
    apiToken: strapi.service("admin::api-token") as AdminServices["apiToken"],
    encryption: strapi.service("admin::encryption") as AdminServices["encryption"],
  };
}

export type LocalesService = {
  find(): Promise<Array<{ id: number; code: string }>>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  delete(where: { id: number }): Promise<unknown>;
  getDefaultLocale(): Promise<string>;
  setDefaultLocale(locale: { code: string }): Promise<unknown>;
};

export function localesService(strapi: Core.Strapi): LocalesService {
  return strapi.plugin("i18n").service<LocalesService>("locales");
}

export type WebhookServices = {
  store: {
    findWebhooks(): Promise<Webhook[]>;
    createWebhook(data: Omit<Webhook, "id">): Promise<Webhook>;
    updateWebhook(id: Webhook["id"], data: Omit<Webhook, "id">): Promise<Webhook>;
  };
  runner: { add(webhook: Webhook): void; update(webhook: Webhook): void };
};

export function webhookServices(strapi: Core.Strapi): WebhookServices {
  return {
    store: strapi.get<WebhookServices["store"]>("webhookStore"),
    runner: strapi.get<WebhookServices["runner"]>("webhookRunner"),
  };
}
