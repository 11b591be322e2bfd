import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import type { Me } from "../lib/wire";
import { me as fixture } from "../test/render";
import { Shell } from "./shell";

// The shell's realtime parts (the bell, eKollega's notices) load lazily and listen on a socket.
vi.mock("../lib/realtime", () => ({
  realtime: () => ({ on() {}, off() {}, connected: false, active: true, io: { on() {}, off() {} } }),
  subscribe: () => () => undefined,
  closeRealtime: () => undefined,
}));

const me: Me = fixture({ abilities: { ...fixture().abilities, maintainContent: true } });

function show(path: string, heading: string) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(["me"], me);
  client.setQueryData(["providers"], { oidc: null, publicContent: [] });
  client.setQueryData(["groups"], []);
  client.setQueryData(["inbox"], { items: [], unread: 0 });
  const router = createMemoryRouter(
    [{ element: <Shell requireLogin />, children: [{ path, element: <h1>{heading}</h1> }] }],
    { initialEntries: [path] },
  );
  return render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe("the shell on a phone", () => {
  it("has the five main places as tabs and the rest of the menu under Lisää", () => {
    show("/minulle", "Hei, Sanna");
    const tabs = screen.getByRole("navigation", { name: "Pikavalikko" });
    const names = [...tabs.querySelectorAll("a, button")].map((e) => e.textContent);
    expect(names).toEqual(["Minulle", "Haku", "Hakemisto", "eKollega", "eKonsultaatio", "Lisää"]);
    const more = screen.getByRole("button", { name: "Lisää" });
    expect(more.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(more);
    expect(more.getAttribute("aria-expanded")).toBe("true");
    // Maintainers find their view there; language and logout moved there from the top bar.
    expect(screen.getAllByRole("link", { name: "Ylläpito" }).length).toBeGreaterThan(0);
    expect(screen.getByLabelText("Kieli", { selector: "#language-more" })).toBeTruthy();
    fireEvent.keyDown(document, { key: "Escape" });
    expect(more.getAttribute("aria-expanded")).toBe("false");
  });

  it("names the browser tab after the page's heading", async () => {
    show("/lait", "Lakitieto");
    await vi.waitFor(() => expect(document.title).toBe("Lakitieto – SosKes"));
  });
});
