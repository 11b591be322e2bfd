import { soskesConfig } from "./soskes";

export default () => {
  const config = soskesConfig();
  return [
    "strapi::logger",
    "strapi::errors",
    "strapi::security",
    // Strapi answers cross-origin requests only from its own admin and the portal, never from any
    // origin that asks (an admin's credentials would go along).
    {
      name: "strapi::cors",
      config: {
        origin: [...new Set([config.cms.publicUrl, config.portal.publicUrl].map((u) => new URL(u).origin))],
        credentials: true,
      },
    },
    "strapi::poweredBy",
    "strapi::query",
    "strapi::body",
    // After the body parser: every uploaded file is sniffed before any route sees it, and
    // every file served from /uploads/ is served inert.
    "global::upload-guard",
    "strapi::session",
    "strapi::favicon",
    "strapi::public",
  ];
};
