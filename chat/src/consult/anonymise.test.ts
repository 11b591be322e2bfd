import { describe, expect, it } from "vitest";
import { anonymisationFlags } from "./anonymise.js";

describe("anonymisation flags", () => {
  it("flags person names, street addresses and birth dates, with where they are", () => {
    const flags = anonymisationFlags(
      "Asiakas Matti Meikäläinen asuu osoitteessa Kauppakatu 12 B 3, syntynyt 3.4.1961. Äiti Liisa Virtanen-Koski soitti.",
    );
    expect(flags.map((f) => [f.kind, f.text])).toEqual([
      ["name", "Matti Meikäläinen"],
      ["address", "Kauppakatu 12 B 3"],
      ["birth_date", "syntynyt 3.4.1961"],
      ["name", "Liisa Virtanen-Koski"],
    ]);
  });

  it("lets ordinary professional text pass", () => {
    expect(
      anonymisationFlags(
        "Kuntoutuja on 60-vuotias. Sosiaalihuoltolain 36 § mukainen arvio tehtiin 3.4.2026. Laukaan Vammaispalvelut ja Keski-Suomen hyvinvointialue.",
      ),
    ).toEqual([]);
  });
});
