import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { member, renderPage } from "../test/render";
import { AdminOnly } from "./AdminOnly";

const page = (
  <AdminOnly title="Käyttö">
    <p>Käyttötilastot</p>
  </AdminOnly>
);

describe("an admin page", () => {
  it("shows its content to a member with the administer ability", () => {
    renderPage(page, {
      path: "/yllapito/kaytto",
      pattern: "/yllapito/kaytto",
      me: { ...member, abilities: { ...member.abilities, administer: true } },
    });
    expect(screen.getByText("Käyttötilastot")).toBeTruthy();
  });

  it("refuses clearly, with the page's title, to anyone else — even one whose role reads admin", () => {
    renderPage(page, {
      path: "/yllapito/kaytto",
      pattern: "/yllapito/kaytto",
      me: { ...member, role: "admin" },
    });
    expect(screen.getByRole("heading", { name: "Käyttö" })).toBeTruthy();
    expect(screen.queryByText("Käyttötilastot")).toBeNull();
  });
});
