import { useState } from "react";
import { useMunicipalities, useServiceAreas } from "../../../lib/reference";
import { useMaintenance } from "../api/community";

/**
 * The maintainer's report and its choice: which municipality (the ones they keep; an admin any,
 * or the whole region) and which service area. Until the member chooses, the server's default
 * (their first municipality) is shown.
 */
export function useMaintenanceReport() {
  const municipalities = useMunicipalities();
  const areas = useServiceAreas();
  const [municipality, setMunicipality] = useState<string | null>(null);
  const [serviceArea, setServiceArea] = useState("");
  const report = useMaintenance(municipality ?? "", serviceArea);
  return {
    report,
    areas: areas.data ?? [],
    municipality: municipality ?? report.data?.municipality ?? "",
    setMunicipality,
    serviceArea,
    setServiceArea,
    /** The municipalities the member may choose from. */
    choices: report.data?.municipalities ?? municipalities.data?.map((m) => m.code) ?? [],
    /** Whether the whole region may be chosen (admins). */
    wholeRegion: report.data?.municipalities === null,
    name: (code: string) => municipalities.data?.find((m) => m.code === code)?.name ?? code,
  };
}
