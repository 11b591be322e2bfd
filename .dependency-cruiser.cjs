/**
 * Import rules checked by `npm run lint` (dependency-cruiser). Type-only imports count: a cycle of
 * types is still a cycle a reader has to untangle.
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules form no circle, type imports included.",
      from: {},
      to: { circular: true },
    },
    {
      name: "db-imports-no-feature",
      severity: "error",
      comment: "Table types and migrations stand below every feature of the portal server.",
      from: { path: "^web/server/db/", pathNot: "\\.test\\.ts$" },
      to: { path: "^web/server/", pathNot: "^web/server/db/" },
    },
    {
      name: "client-reads-server-wire-only",
      severity: "error",
      comment:
        "The web client knows the server by the shapes of its answers alone: it imports server/wire.ts, and only its types.",
      from: { path: "^web/client/" },
      to: { path: "^web/server/", pathNot: "^web/server/wire\\.ts$" },
    },
    {
      name: "client-imports-wire-types-only",
      severity: "error",
      comment: "No server code reaches the browser bundle.",
      from: { path: "^web/client/" },
      to: { path: "^web/server/wire\\.ts$", dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist|build|\\.strapi|types/generated)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.depcruise.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".d.ts"],
    },
    skipAnalysisNotInRules: true,
  },
};
