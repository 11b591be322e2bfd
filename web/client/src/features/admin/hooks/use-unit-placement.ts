import { useMemo, useState } from "react";
import { useActiveUsers, useSetOrgUnit, type ActiveUser } from "../api/users";

/** Folded for matching: case and Finnish letters aside, "jyvaskyla" finds "Jyväskylä". */
const fold = (s: string) => s.toLocaleLowerCase("fi").normalize("NFD").replace(/\p{M}/gu, "");

/**
 * The admin's unit placement: who matches the search (at most `limit`, experts first — they are
 * whom the conflict-of-interest rule most often concerns), and saving a member's unit.
 */
export function useUnitPlacement(limit = 20) {
  const users = useActiveUsers();
  const save = useSetOrgUnit();
  const [query, setQuery] = useState("");
  const [savedFor, setSavedFor] = useState<number | null>(null);

  const matches = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    const all = users.data ?? [];
    const found = all.filter((u) => words.every((w) => fold(`${u.name} ${u.email}`).includes(w)));
    const rank = (u: ActiveUser) => (u.role === "expert" ? 0 : 1);
    return [...found].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, "fi"));
  }, [users.data, query]);

  return {
    users,
    query,
    setQuery,
    shown: matches.slice(0, limit),
    total: matches.length,
    save: (id: number, unitId: string | null) =>
      save.mutate({ id, unitId }, { onSuccess: () => setSavedFor(id) }),
    saving: save.isPending ? (save.variables?.id ?? null) : null,
    savedFor,
    error: save.error,
  };
}
