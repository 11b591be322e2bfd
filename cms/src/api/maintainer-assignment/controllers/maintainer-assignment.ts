import { factories } from "@strapi/strapi";

export default factories.createCoreController("api::maintainer-assignment.maintainer-assignment");
