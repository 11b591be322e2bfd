import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { me as fixture, renderPage } from "../../test/render";
import type { Me } from "../../lib/wire";
import { HomePage } from "./HomePage";

const me: Me = fixture();

const unit = (
  id: string,
  name: string,
  area: string,
  phone: { kind: string; number: string },
  countyWide = false,
) => ({
  id,
  name,
  countyWide,
  serviceAreas: [{ slug: area, name: area }],
  phones: [{ ...phone, label: countyWide ? "Sosiaalipäivystys 24/7" : null, chargeNote: null }],
});

const empty: Array<[unknown[], unknown]> = [
  [["groups"], []],
  [["consultations", "mine", ""], []],
  [["panels"], []],
  [["events"], { data: [], stale: false }],
  [["news"], { data: [], stale: false }],
  [["notices", { kind: "", municipality: "410", mine: false }, 3], { data: [], total: 0 }],
];

const show = (data: Array<[unknown[], unknown]>) =>
  renderPage(<HomePage me={me} />, { path: "/minulle", pattern: "/minulle", data });

describe("Minulle", () => {
  it("shows unread groups, open requests with their due day, key units and the 24/7 number, each a link", () => {
    show([
      ...empty.filter(([key]) => key[0] !== "groups" && key[0] !== "consultations"),
      [
        ["groups"],
        [
          { id: 4, name: "Perhetyön kollegat", unread: 3, mentions: 1, membership: { state: "active" } },
          { id: 5, name: "Hiljainen ryhmä", unread: 0, mentions: 0, membership: { state: "active" } },
        ],
      ],
      [
        ["consultations", "mine", ""],
        [{ id: 7, topic: "Sijoituksen jatko", status: "claimed", dueOn: "2026-12-14", overdue: false }],
      ],
      [
        ["directory", "410", ""],
        {
          data: [
            unit("u1", "Laukaan lastensuojelu", "lastensuojelu", { kind: "service", number: "014 0000 101" }),
            unit(
              "u2",
              "Sosiaali- ja kriisipäivystys",
              "sosiaalipaivystys",
              { kind: "emergency", number: "014 0000 900" },
              true,
            ),
          ],
          stale: false,
        },
      ],
    ]);
    expect(screen.getByRole("heading", { level: 1, name: "Hei, Sanna" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Perhetyön kollegat" }).getAttribute("href")).toBe("/ryhmat/4");
    expect(screen.queryByText("Hiljainen ryhmä")).toBeNull();
    expect(screen.getByText("1 maininta")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Sijoituksen jatko" }).getAttribute("href")).toBe(
      "/konsultaatiot/7",
    );
    expect(screen.getByText(/vastaus viimeistään ma 14\.12\./)).toBeTruthy();
    const calls = screen.getAllByRole("link", { name: /^Soita/ }).map((a) => a.getAttribute("href"));
    expect(calls).toEqual(["tel:0140000900", "tel:0140000101"]);
  });

  it("says in each card what will appear there when there is nothing yet", () => {
    show([...empty, [["directory", "410", ""], { data: [], stale: false }]]);
    expect(screen.getByText(/Ei lukemattomia viestejä/)).toBeTruthy();
    expect(screen.getByText(/Ei avoimia pyyntöjä/)).toBeTruthy();
    expect(screen.getByText("Ei tulevia tapahtumia.")).toBeTruthy();
    expect(screen.queryByText(/Tarkistettavat tiedot/)).toBeNull();
  });
});
