import { factories } from "@strapi/strapi";

export default factories.createCoreRouter("api::maintainer-assignment.maintainer-assignment");
