import { useTranslation } from "react-i18next";
import { Link, createBrowserRouter } from "react-router-dom";
import { Shell } from "./shell";
import { UsersPage } from "../features/admin/components/UsersPage";
import {
  AcceptInvitationPage,
  ForgotPasswordPage,
  RegisterPage,
  ResetPasswordPage,
  VerifyEmailPage,
} from "../features/auth/components/AccountPages";
import { AccountPage } from "./account-page";
import { LoginPage } from "../features/auth/components/LoginPage";
import { DirectoryPage } from "../features/directory/components/DirectoryPage";
import { UnitPage } from "../features/directory/components/UnitPage";
import { EventsPage, NewsPage } from "../features/hubs/components/EventsNewsPages";
import { ContentPage, HubPage, ServiceAreasPage } from "../features/hubs/components/HubPages";
import { StatutePage } from "../features/law/components/StatutePage";
import { PeoplePage } from "../features/people/components/PeoplePages";
import { StatutesPage } from "../features/law/components/StatutesPage";
import { SearchPage } from "../features/search/components/SearchPage";

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1 tabIndex={-1}>{t("app.notFound")}</h1>
      <p>
        <Link to="/">{t("app.backHome")}</Link>
      </p>
    </>
  );
}

export const router = createBrowserRouter([
  {
    element: <Shell requireLogin={false} />,
    children: [
      { path: "/kirjaudu", element: <LoginPage /> },
      { path: "/rekisteroidy", element: <RegisterPage /> },
      { path: "/vahvista", element: <VerifyEmailPage /> },
      { path: "/salasana", element: <ForgotPasswordPage /> },
      { path: "/salasana/uusi", element: <ResetPasswordPage /> },
      { path: "/kutsu", element: <AcceptInvitationPage /> },
    ],
  },
  {
    element: <Shell requireLogin />,
    children: [
      { path: "/", element: <DirectoryPage />, handle: { content: "directory" } },
      { path: "/toimipiste/:id", element: <UnitPage />, handle: { content: "directory" } },
      { path: "/lait", element: <StatutesPage />, handle: { content: "statutes" } },
      { path: "/lait/:slug", element: <StatutePage />, handle: { content: "statutes" } },
      { path: "/palvelualueet", element: <ServiceAreasPage />, handle: { content: "service-areas" } },
      { path: "/palvelualueet/:slug", element: <HubPage />, handle: { content: "service-areas" } },
      { path: "/sivut/:slug", element: <ContentPage />, handle: { content: "service-areas" } },
      { path: "/tapahtumat", element: <EventsPage />, handle: { content: "events" } },
      { path: "/uutiset", element: <NewsPage />, handle: { content: "news" } },
      { path: "/haku", element: <SearchPage />, handle: { content: "search" } },
      { path: "/ihmiset", element: <PeoplePage /> },
      // eKollega loads on demand, with its realtime client.
      { path: "/ryhmat", lazy: () => import("../features/groups/components/GroupsPage") },
      { path: "/ryhmat/:id", lazy: () => import("../features/groups/components/GroupPage") },
      {
        path: "/konsultaatiot",
        lazy: () =>
          import("../features/consult/components/ConsultPages").then((m) => ({
            Component: m.ConsultationsPage,
          })),
      },
      {
        path: "/konsultaatiot/:id",
        lazy: () =>
          import("../features/consult/components/ConsultPages").then((m) => ({
            Component: m.ConsultationPage,
          })),
      },
      {
        path: "/vastauspankki",
        lazy: () =>
          import("../features/consult/components/AnswerBankPages").then((m) => ({
            Component: m.AnswerBankPage,
          })),
      },
      {
        path: "/vastauspankki/:id",
        lazy: () =>
          import("../features/consult/components/AnswerBankPages").then((m) => ({
            Component: m.AnswerPage,
          })),
      },
      {
        path: "/yllapito/ekonsultaatio",
        lazy: () =>
          import("../features/consult/components/ConsultAdminPage").then((m) => ({
            Component: m.ConsultAdminPage,
          })),
      },
      {
        path: "/ilmoitustaulu",
        lazy: () =>
          import("../features/community/components/NoticeBoard").then((m) => ({
            Component: m.NoticeBoardPage,
          })),
      },
      {
        path: "/ilmoitustaulu/:id",
        lazy: () =>
          import("../features/community/components/NoticeBoard").then((m) => ({ Component: m.NoticePage })),
      },
      // Open to everyone, logged in or not: the accessibility feedback channel must be.
      {
        path: "/palaute",
        handle: { content: "public" },
        lazy: () =>
          import("../features/community/components/FeedbackPages").then((m) => ({
            Component: m.FeedbackPage,
          })),
      },
      {
        path: "/saavutettavuus",
        handle: { content: "public" },
        lazy: () =>
          import("../features/community/components/FeedbackPages").then((m) => ({
            Component: m.AccessibilityPage,
          })),
      },
      {
        path: "/tarkistettu",
        handle: { content: "public" },
        lazy: () =>
          import("../features/community/components/FreshnessPage").then((m) => ({
            Component: m.FreshnessPage,
          })),
      },
      {
        path: "/yllapito/tuoreus",
        lazy: () =>
          import("../features/community/components/MaintenancePage").then((m) => ({
            Component: m.MaintenancePage,
          })),
      },
      {
        path: "/kysely",
        lazy: () =>
          import("../features/community/components/SurveyPages").then((m) => ({ Component: m.SurveyPage })),
      },
      {
        path: "/yllapito/kyselyt",
        lazy: () =>
          import("../features/community/components/SurveyPages").then((m) => ({
            Component: m.SurveyAdminPage,
          })),
      },
      {
        path: "/yllapito/kaytto",
        lazy: () =>
          import("../features/community/components/SurveyPages").then((m) => ({ Component: m.UsagePage })),
      },
      {
        path: "/yllapito/palaute",
        lazy: () =>
          import("../features/community/components/FeedbackPages").then((m) => ({
            Component: m.FeedbackAdminPage,
          })),
      },
      { path: "/oma-tili", element: <AccountPage /> },
      { path: "/yllapito/kayttajat", element: <UsersPage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
