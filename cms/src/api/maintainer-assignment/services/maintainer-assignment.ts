import { factories } from "@strapi/strapi";

export default factories.createCoreService("api::maintainer-assignment.maintainer-assignment");
