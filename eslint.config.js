import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/build/**",
      "data/**",
      "coverage/**",
      "cms/.strapi/**",
      "cms/types/generated/**",
      "cms/public/**",
      ".dependency-cruiser.cjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ["vitest.config.ts", "scripts/*.d.mts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Packages meet only through their package.json exports: no deep imports.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@soskes/*/src/*", "@soskes/*/dist/*"],
              message: "Import a package through its exports.",
            },
            { group: ["**/config/src/*", "**/config/dist/*"], message: "Use @soskes/config." },
          ],
        },
      ],
    },
  },
  {
    // bulletproof-react: features never import each other; shared code never imports features.
    files: ["web/client/src/features/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./\\.\\./(?!\\.\\./)[^/]+/",
              message: "Features never import each other: move shared code to lib/ or components/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["web/client/src/{components,lib,i18n}/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/features/**"], message: "Shared code never imports features." }] },
      ],
    },
  },
  {
    // Routes match exactly: a loose router would let "/api/admin/users/" past the route table.
    files: ["web/server/**/*.ts"],
    ignores: ["web/server/validate.ts", "**/*.test.ts", "web/server/test/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.name='Router']",
          message: "Use strictRouter() from validate.ts: strict, case-sensitive routing.",
        },
      ],
    },
  },
  {
    // Module augmentation (express-session, Express.User) needs interface merging.
    files: ["**/*.d.ts"],
    rules: { "@typescript-eslint/consistent-type-definitions": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ["**/*.test.ts", "cms/tests/**/*.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
    },
  },
);
