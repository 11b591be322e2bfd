/** The API's answers as the server's presenters build them (types only; see server/wire.ts). */
export type * from "../../../server/wire";
