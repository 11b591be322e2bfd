import { mkdirSync } from "node:fs";
import path from "node:path";
import { soskesConfig } from "./soskes";

export default () => {
  const { database } = soskesConfig().cms;
  if (database.client === "postgres") {
    return {
      connection: {
        client: "postgres",
        connection: { connectionString: database.connectionString },
        pool: { min: 0, max: 10 },
      },
    };
  }
  mkdirSync(path.dirname(database.filename), { recursive: true });
  return {
    connection: {
      client: "sqlite",
      connection: { filename: database.filename },
      useNullAsDefault: true,
    },
  };
};
