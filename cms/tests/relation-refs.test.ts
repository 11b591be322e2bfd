import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type * as guardModule from "../src/rbac/guard";
import { CMS_DIR } from "./harness";

const { relationRefs } = createRequire(__filename)(
  path.join(CMS_DIR, "dist/src/rbac/guard.js"),
) as typeof guardModule;

describe("relationRefs", () => {
  it("treats the admin UI's empty connect/disconnect as no change", () => {
    expect(relationRefs({ connect: [], disconnect: [] })).toEqual({ refs: [], clears: false });
  });

  it("reads every shorthand Strapi accepts", () => {
    expect(relationRefs("abc")).toEqual({ refs: [{ documentId: "abc" }], clears: false });
    expect(relationRefs(7).refs).toEqual([{ id: 7 }]);
    expect(relationRefs({ documentId: "abc" }).refs).toEqual([{ documentId: "abc", id: undefined }]);
    expect(relationRefs(["a", "b"]).refs).toHaveLength(2);
    expect(relationRefs({ set: [{ documentId: "a" }] })).toEqual({
      refs: [{ documentId: "a", id: undefined }],
      clears: false,
    });
  });

  it("notices values that empty the relation", () => {
    expect(relationRefs(null).clears).toBe(true);
    expect(relationRefs([]).clears).toBe(true);
    expect(relationRefs({ set: [] }).clears).toBe(true);
    expect(relationRefs({ disconnect: [{ documentId: "a" }] })).toEqual({
      refs: [{ documentId: "a", id: undefined }],
      clears: true,
    });
    expect(relationRefs({ connect: ["b"], disconnect: ["a"] })).toEqual({
      refs: [{ documentId: "b" }, { documentId: "a" }],
      clears: false,
    });
  });
});
