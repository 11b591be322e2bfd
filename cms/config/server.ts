import { soskesConfig } from "./soskes";

export default () => {
  const config = soskesConfig();
  return {
    host: config.cms.host,
    port: config.cms.port,
    url: config.cms.publicUrl,
    app: { keys: config.cms.appKeys },
    proxy: config.isProduction,
    cron: { enabled: false },
    // The portal checks this header on every webhook call; the secret never enters the database.
    webhooks: {
      populateRelations: false,
      defaultHeaders: { Authorization: `Bearer ${config.cms.webhookSecret}` },
    },
  };
};
