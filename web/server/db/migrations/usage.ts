import type { Migration } from "kysely/migration";

/** 016: usage counted per day, without who. */
export function usageMigration(): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable("activity_days")
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("day", "varchar(10)", (c) => c.notNull())
        .addPrimaryKeyConstraint("activity_days_pk", ["user_id", "day"])
        .execute();
      await db.schema
        .createTable("search_misses")
        .addColumn("query", "varchar(100)", (c) => c.notNull())
        .addColumn("day", "varchar(10)", (c) => c.notNull())
        .addColumn("count", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("search_misses_pk", ["query", "day"])
        .execute();
      await db.schema
        .createTable("content_views")
        .addColumn("kind", "varchar(10)", (c) => c.notNull())
        .addColumn("ref", "varchar(120)", (c) => c.notNull())
        .addColumn("day", "varchar(10)", (c) => c.notNull())
        .addColumn("count", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("content_views_pk", ["kind", "ref", "day"])
        .execute();
    },
    async down(db) {
      for (const table of ["content_views", "search_misses", "activity_days"])
        await db.schema.dropTable(table).execute();
    },
  };
}
