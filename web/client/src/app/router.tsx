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
import { paths } from "@soskes/domain/paths";

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1 tabIndex={-1}>{t("app.notFound")}</h1>
      <p>
        <Link to={paths.directory}>{t("app.backHome")}</Link>
      </p>
    </>
  );
}

export const router = createBrowserRouter([
  {
    element: <Shell requireLogin={false} />,
    children: [
      { path: paths.login, element: <LoginPage /> },
      { path: paths.register, element: <RegisterPage /> },
      { path: paths.verify, element: <VerifyEmailPage /> },
      { path: paths.forgotPassword, element: <ForgotPasswordPage /> },
      { path: paths.resetPassword, element: <ResetPasswordPage /> },
      { path: paths.invitation, element: <AcceptInvitationPage /> },
    ],
  },
  {
    element: <Shell requireLogin />,
    children: [
      { path: "/", element: <DirectoryPage />, handle: { content: "directory" } },
      { path: paths.unit(":id"), element: <UnitPage />, handle: { content: "directory" } },
      { path: paths.statutes, element: <StatutesPage />, handle: { content: "statutes" } },
      { path: paths.statute(":slug"), element: <StatutePage />, handle: { content: "statutes" } },
      { path: paths.serviceAreas, element: <ServiceAreasPage />, handle: { content: "service-areas" } },
      { path: paths.serviceArea(":slug"), element: <HubPage />, handle: { content: "service-areas" } },
      { path: paths.page(":slug"), element: <ContentPage />, handle: { content: "service-areas" } },
      { path: paths.events, element: <EventsPage />, handle: { content: "events" } },
      { path: paths.news, element: <NewsPage />, handle: { content: "news" } },
      { path: paths.search, element: <SearchPage />, handle: { content: "search" } },
      { path: paths.people, element: <PeoplePage /> },
      // eKollega loads on demand, with its realtime client.
      { path: paths.groups, lazy: () => import("../features/groups/components/GroupsPage") },
      { path: paths.group(":id"), lazy: () => import("../features/groups/components/GroupPage") },
      {
        path: paths.consultations,
        lazy: () =>
          import("../features/consult/components/ConsultPages").then((m) => ({
            Component: m.ConsultationsPage,
          })),
      },
      {
        path: paths.consultation(":id"),
        lazy: () =>
          import("../features/consult/components/ConsultPages").then((m) => ({
            Component: m.ConsultationPage,
          })),
      },
      {
        path: paths.answers,
        lazy: () =>
          import("../features/consult/components/AnswerBankPages").then((m) => ({
            Component: m.AnswerBankPage,
          })),
      },
      {
        path: paths.answer(":id"),
        lazy: () =>
          import("../features/consult/components/AnswerBankPages").then((m) => ({
            Component: m.AnswerPage,
          })),
      },
      {
        path: paths.adminConsultations,
        lazy: () =>
          import("../features/consult/components/ConsultAdminPage").then((m) => ({
            Component: m.ConsultAdminPage,
          })),
      },
      {
        path: paths.home,
        lazy: () => import("./home/HomePage").then((m) => ({ Component: m.MinullePage })),
      },
      {
        path: paths.inbox,
        lazy: () =>
          import("../features/inbox/components/InboxPage").then((m) => ({ Component: m.InboxPage })),
      },
      {
        path: paths.notices,
        lazy: () =>
          import("../features/community/components/NoticeBoard").then((m) => ({
            Component: m.NoticeBoardPage,
          })),
      },
      {
        path: paths.notice(":id"),
        lazy: () =>
          import("../features/community/components/NoticeBoard").then((m) => ({ Component: m.NoticePage })),
      },
      // Open to everyone, logged in or not: the accessibility feedback channel must be.
      {
        path: paths.feedback,
        handle: { content: "public" },
        lazy: () =>
          import("../features/community/components/FeedbackPages").then((m) => ({
            Component: m.FeedbackPage,
          })),
      },
      {
        path: paths.accessibility,
        handle: { content: "public" },
        lazy: () =>
          import("../features/community/components/FeedbackPages").then((m) => ({
            Component: m.AccessibilityPage,
          })),
      },
      {
        path: paths.checked,
        handle: { content: "public" },
        lazy: () =>
          import("../features/community/components/FreshnessPage").then((m) => ({
            Component: m.FreshnessPage,
          })),
      },
      {
        path: paths.maintenance,
        lazy: () =>
          import("../features/community/components/MaintenancePage").then((m) => ({
            Component: m.MaintenancePage,
          })),
      },
      {
        path: paths.survey,
        lazy: () =>
          import("../features/community/components/SurveyPages").then((m) => ({ Component: m.SurveyPage })),
      },
      {
        path: paths.adminSurveys,
        lazy: () =>
          import("../features/community/components/SurveyPages").then((m) => ({
            Component: m.SurveyAdminPage,
          })),
      },
      {
        path: paths.adminUsage,
        lazy: () =>
          import("../features/community/components/SurveyPages").then((m) => ({ Component: m.UsagePage })),
      },
      {
        path: paths.adminFeedback,
        lazy: () =>
          import("../features/community/components/FeedbackPages").then((m) => ({
            Component: m.FeedbackAdminPage,
          })),
      },
      { path: paths.account, element: <AccountPage /> },
      { path: paths.adminUsers, element: <UsersPage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
