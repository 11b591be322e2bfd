import { useMaintenance, useNotices } from "../../features/community/api/community";
import { useConsultations, usePanels } from "../../features/consult/api/consult";
import { useDirectoryUnits } from "../../features/directory/api/directory";
import { useGroups } from "../../features/groups/api/groups";
import { useEvents, useNews } from "../../features/hubs/api/hubs";
import type { Me } from "../../lib/wire";

/** The service areas whose unit a social worker phones most, in this order. */
export const KEY_AREAS = ["lastensuojelu", "aikuissosiaalityo", "ikaantyneiden-palvelut", "vammaispalvelut"];

/**
 * What Minulle shows a member, each part from the API that owns it: groups with unread messages,
 * their open consultation requests (and, for a panel's experts, the requests waiting for one),
 * records due for a check (maintainers), coming events, news, their municipality's notices, the
 * key units of their municipality and the county's 24/7 social emergency service.
 */
export function useHome(me: Me) {
  const municipality = me.municipalityCode ?? "";
  const groups = useGroups();
  const mine = useConsultations("mine");
  const panels = usePanels();
  const seated = (panels.data ?? []).some((p) => p.members.some((m) => m.id === me.id));
  const waiting = useConsultations("inbox", "new", seated);
  const maintenance = useMaintenance("", "", me.abilities.maintainContent);
  const events = useEvents();
  const news = useNews();
  const notices = useNotices({ kind: "", municipality, mine: false }, 3);
  // Without a municipality in the profile, only the emergency service (county-wide) is looked up.
  const units = useDirectoryUnits(municipality, municipality ? "" : "sosiaalipaivystys");

  const unitList = units.data?.data ?? [];
  const emergency = unitList.find((u) => u.phones.some((p) => p.kind === "emergency"));
  return {
    municipality,
    groups: {
      query: groups,
      unread: (groups.data ?? [])
        .filter((g) => g.membership.state === "active" && g.unread > 0)
        .sort((a, b) => b.mentions - a.mentions || b.unread - a.unread),
    },
    consultations: {
      query: mine,
      open: (mine.data ?? []).filter((c) => c.status !== "closed"),
      seated,
      waiting: waiting.data?.length ?? 0,
    },
    maintenance: me.abilities.maintainContent ? maintenance : null,
    events: { query: events, next: (events.data?.data ?? []).slice(0, 3) },
    news: { query: news, latest: (news.data?.data ?? []).slice(0, 3) },
    notices: { query: notices, latest: notices.data?.data ?? [] },
    units: {
      query: units,
      key: municipality
        ? KEY_AREAS.flatMap((area) => {
            const unit = unitList.find((u) => !u.countyWide && u.serviceAreas.some((a) => a.slug === area));
            return unit ? [unit] : [];
          })
        : [],
    },
    emergency: emergency
      ? { unit: emergency, phone: emergency.phones.find((p) => p.kind === "emergency")! }
      : null,
  };
}

export type HomeState = ReturnType<typeof useHome>;
