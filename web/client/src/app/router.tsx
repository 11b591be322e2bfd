import { useTranslation } from "react-i18next";
import { Link, createBrowserRouter } from "react-router-dom";
import { Shell } from "../components/Layout";
import { LoginPage } from "../features/auth/components/LoginPage";
import { DirectoryPage } from "../features/directory/components/DirectoryPage";
import { UnitPage } from "../features/directory/components/UnitPage";
import { StatutePage } from "../features/law/components/StatutePage";
import { StatutesPage } from "../features/law/components/StatutesPage";

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
  { element: <Shell requireLogin={false} />, children: [{ path: "/kirjaudu", element: <LoginPage /> }] },
  {
    element: <Shell requireLogin />,
    children: [
      { path: "/", element: <DirectoryPage /> },
      { path: "/toimipiste/:id", element: <UnitPage /> },
      { path: "/lait", element: <StatutesPage /> },
      { path: "/lait/:slug", element: <StatutePage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
