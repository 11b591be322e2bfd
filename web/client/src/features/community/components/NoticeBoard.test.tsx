import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../../../test/render";
import type { Notice } from "../api/community";
import { NoticePage } from "./NoticeBoard";

const notice = (abilities: Notice["abilities"], mine: boolean): Notice => ({
  id: 5,
  kind: "giving",
  title: "Annetaan lastenrattaat",
  body: "Hyväkuntoiset rattaat haettavissa toimistolta.",
  author: { id: 9, name: "Ilmoittaja Esimerkki" },
  municipalityCode: "179",
  expiresOn: "2026-12-31",
  expired: false,
  createdAt: Date.UTC(2026, 11, 1),
  updatedAt: Date.UTC(2026, 11, 1),
  mine,
  abilities,
});

const show = (n: Notice) =>
  renderPage(<NoticePage />, {
    path: "/ilmoitustaulu/5",
    pattern: "/ilmoitustaulu/:id",
    data: [
      [["notices", "one", 5], n],
      [["municipalities"], [{ code: "179", name: "Jyväskylä" }]],
    ],
  });

const actions = () => screen.queryAllByRole("button").map((b) => b.textContent);

describe("a notice's actions follow its abilities", () => {
  it("lets its author edit and delete it", () => {
    show(notice({ update: true, delete: true }, true));
    expect(actions()).toEqual(["Muokkaa", "Poista"]);
  });

  it("lets a moderator remove it, marked as a moderator's act, but not edit it", () => {
    show(notice({ update: false, delete: true }, false));
    expect(actions()).toEqual(["Poista (moderaattori)"]);
  });

  it("offers nothing to other members", () => {
    show(notice({ update: false, delete: false }, false));
    expect(screen.getByRole("heading", { name: "Annetaan lastenrattaat" })).toBeTruthy();
    expect(actions()).toEqual([]);
  });
});
