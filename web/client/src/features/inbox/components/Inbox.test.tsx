import { act, screen } from "@testing-library/react";
import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { renderPage } from "../../../test/render";
import type { Inbox } from "../api/inbox";
import { Bell } from "./Bell";
import { InboxPage } from "./InboxPage";

// The realtime connection as the bell uses it: events the test emits stand for the server's.
const socket = new EventEmitter();
vi.mock("../../../lib/realtime", () => ({
  realtime: () => socket,
  subscribe: (s: EventEmitter, handlers: Record<string, (payload: unknown) => void>) => {
    for (const [event, handler] of Object.entries(handlers)) s.on(event, handler);
    return () => {
      for (const [event, handler] of Object.entries(handlers)) s.off(event, handler);
    };
  },
}));

const inbox: Inbox = {
  unread: 1,
  items: [
    {
      id: 2,
      kind: "mention",
      createdAt: Date.UTC(2026, 11, 7, 8, 5),
      read: false,
      url: "/ryhmat/4#viesti-12",
      groupName: "Perhetyön kollegat",
      who: "Maija Esimerkki",
      panel: null,
      urgent: false,
    },
    {
      id: 1,
      kind: "consultation_answered",
      createdAt: Date.UTC(2026, 11, 4, 12, 0),
      read: true,
      url: "/konsultaatiot/7",
      groupName: null,
      who: null,
      panel: "Lastensuojelun asiantuntijapaneeli",
      urgent: false,
    },
  ],
};

describe("the inbox", () => {
  it("lists what happened, marks the unread, and links each item to its target", () => {
    renderPage(<InboxPage />, { path: "/ilmoitukset", pattern: "/ilmoitukset", data: [[["inbox"], inbox]] });
    const mention = screen.getByRole("link", {
      name: /Maija Esimerkki mainitsi sinut ryhmässä Perhetyön kollegat/,
    });
    expect(mention.getAttribute("href")).toBe("/ryhmat/4#viesti-12");
    expect(mention.textContent).toContain("Lukematon");
    const answered = screen.getByRole("link", { name: /on vastattu/ });
    expect(answered.getAttribute("href")).toBe("/konsultaatiot/7");
    expect(answered.textContent).not.toContain("Lukematon");
    expect(screen.getByRole("button", { name: "Merkitse kaikki luetuiksi" })).toBeTruthy();
  });

  it("says what will appear when there is nothing", () => {
    renderPage(<InboxPage />, {
      path: "/ilmoitukset",
      pattern: "/ilmoitukset",
      data: [[["inbox"], { unread: 0, items: [] }]],
    });
    expect(screen.getByText(/Tänne tulevat maininnat/)).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });
});

describe("the bell", () => {
  it("shows the unread count and follows it live", async () => {
    renderPage(<Bell />, { path: "/", pattern: "/", data: [[["inbox"], inbox]] });
    expect(screen.getByRole("link", { name: "Ilmoitukset, 1 lukematon" })).toBeTruthy();
    act(() => void socket.emit("inbox", { unread: 0 }));
    expect(await screen.findByRole("link", { name: "Ilmoitukset" })).toBeTruthy();
  });
});
