import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { createMemoryRouter, Outlet, RouterProvider } from "react-router-dom";
import type { SignedIn } from "../lib/signed-in";
import type { Me } from "../lib/wire";

export const member: SignedIn = {
  id: 1,
  name: "Testi Jäsen",
  email: "jasen@demo.soskes.example",
  role: "member",
  abilities: { manageUsers: false, administer: false, createGroups: false, maintainContent: false },
};

/** The signed-in member as /api/me answers, for the shell and Minulle (`abilities` as given). */
export const me = (overrides: Partial<Me> = {}): Me => ({
  id: 1,
  email: "jasen@demo.soskes.example",
  name: "Sanna Esimerkki",
  title: null,
  organisation: null,
  unit: null,
  municipalityCode: "410",
  phone: null,
  expertise: null,
  languages: [],
  visibility: {},
  maintains: [],
  role: "member",
  abilities: {
    readContent: true,
    manageUsers: false,
    administer: false,
    createGroups: false,
    maintainContent: false,
  },
  ...overrides,
});

/**
 * Renders a page as the shell would: under the router at `path`, with the signed-in member in
 * the outlet context and the server's answers already in the query cache (`data`: query key →
 * answer), so nothing is fetched.
 */
export function renderPage(
  element: ReactElement,
  options: { path: string; pattern: string; me?: SignedIn | null; data?: Array<[unknown[], unknown]> },
) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  for (const [key, value] of options.data ?? []) client.setQueryData(key, value);
  const router = createMemoryRouter(
    [
      {
        element: <Outlet context={options.me === undefined ? member : options.me} />,
        children: [{ path: options.pattern, element }],
      },
    ],
    { initialEntries: [options.path] },
  );
  return render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}
