/**
 * The one-click "still valid" confirmation of the freshness reminders. It needs no Strapi login:
 * the signed link is the permission, checked by the controller before anything is read.
 */
export default {
  routes: [
    {
      method: "POST",
      path: "/freshness/confirm",
      handler: "api::freshness.freshness.confirm",
      config: { auth: false, policies: [], middlewares: [] },
    },
  ],
};
