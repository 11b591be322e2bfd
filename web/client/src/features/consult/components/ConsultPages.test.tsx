import type { ConsultAbilities, Consultation } from "@soskes/chat/client";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../../../test/render";
import type { Panel } from "../api/consult";
import { ConsultationPage } from "./ConsultPages";

const none: ConsultAbilities = {
  claim: false,
  assign: false,
  answered: false,
  closed: false,
  reopened: false,
  writeAnswer: false,
  reviewAnswer: false,
  withdrawAnswer: false,
};

const request = (abilities: Partial<ConsultAbilities>, extra: Partial<Consultation> = {}): Consultation => ({
  id: 7,
  panel: { id: 3, name: "Lastensuojelun asiantuntijat" },
  serviceArea: "lastensuojelu",
  topic: "Sijoituksen jatkaminen",
  question: "Miten arvioida jatkoa?",
  urgency: "normal",
  status: "new",
  requester: { id: 2, name: "Kysyjä Esimerkki" },
  municipalityCode: "179",
  requesterUnit: null,
  claimedBy: null,
  dueOn: "2026-12-14",
  overdue: false,
  mine: false,
  threadId: null,
  answeredAt: null,
  closedAt: null,
  consent: false,
  createdAt: Date.UTC(2026, 11, 7),
  abilities: { ...none, ...abilities },
  ...extra,
});

const panels: Panel[] = [
  {
    id: 3,
    serviceArea: "lastensuojelu",
    name: "Lastensuojelun asiantuntijat",
    members: [
      { id: 1, name: "Testi Jäsen", lead: true },
      { id: 4, name: "Asiantuntija Kaksi", lead: false },
    ],
  },
];

const show = (c: Consultation) =>
  renderPage(<ConsultationPage />, {
    path: "/konsultaatiot/7",
    pattern: "/konsultaatiot/:id",
    data: [
      [["consultations", "one", 7], c],
      [["panels"], panels],
    ],
  });

const buttons = () => screen.queryAllByRole("button").map((b) => b.textContent);

describe("a consultation request's actions come from the server's abilities only", () => {
  it("offers nothing to someone who may only read it", () => {
    show(request({}));
    expect(screen.getByRole("heading", { name: "Sijoituksen jatkaminen" })).toBeTruthy();
    expect(buttons()).toEqual([]);
  });

  it("offers taking it to an expert who may, whatever their role says", () => {
    show(request({ claim: true }));
    expect(buttons()).toEqual(["Ota pyyntö"]);
  });

  it("offers marking answered and closing when both are allowed", () => {
    show(request({ answered: true, closed: true }, { status: "claimed" }));
    expect(buttons()).toEqual(["Merkitse vastatuksi", "Sulje pyyntö"]);
  });

  it("shows the form for giving the request to another expert only with the assign ability", () => {
    show(request({ assign: true }));
    expect(screen.getByRole("combobox")).toBeTruthy();
    show(request({}));
    expect(screen.getAllByRole("combobox")).toHaveLength(1);
  });
});
