import { useOutletContext } from "react-router-dom";

/** The signed-in member as the shell hands it to pages (the shell requires a login for them). */
export type SignedIn = {
  id: number;
  name: string;
  email: string;
  role: "member" | "expert" | "moderator" | "admin";
  abilities: { manageUsers: boolean; administer: boolean; createGroups: boolean; maintainContent: boolean };
};

export const useSignedIn = () => useOutletContext<SignedIn | null | undefined>() ?? null;
