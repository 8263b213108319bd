import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiKeysPage } from '../features/access/ApiKeysPage';
import { AuditLogPage } from '../features/access/AuditLogPage';
import { UsersPage } from '../features/access/UsersPage';
import { AutomationPage } from '../features/automation/AutomationPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { SignInPage } from '../features/auth/SignInPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { DataPage } from '../features/data/DataPage';
import { EventsPage } from '../features/events/EventsPage';
import { EmailsPage } from '../features/emails/EmailsPage';
import { JobsPage } from '../features/jobs/JobsPage';
import { ProductsPage } from '../features/inventory/ProductsPage';
import { StockPage } from '../features/inventory/StockPage';
import { LocationsPage } from '../features/inventory/LocationsPage';
import { CustomerDetailPage } from '../features/customers/CustomerDetailPage';
import { CustomerListPage } from '../features/customers/CustomerListPage';
import { OrderDetailPage } from '../features/orders/OrderDetailPage';
import { NewOrderPage } from '../features/orders/NewOrderPage';
import { OrderListPage } from '../features/orders/OrderListPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { ScreenPage } from '../features/screen/ScreenPage';
import { TrackingPage } from '../features/tracking/TrackingPage';
import { WebhooksPage } from '../features/webhooks/WebhooksPage';
import { useMe } from '../lib/me';
import { signInUrlFor, useToken } from '../lib/session';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

function RequireSession({ children }: { children: React.ReactNode }) {
  const token = useToken();
  const location = useLocation();
  if (!token) return <Navigate to={signInUrlFor(location)} replace />;
  return <PasswordChosen>{children}</PasswordChosen>;
}

/** A user signed in with a one-time password may do nothing but choose their own. */
function PasswordChosen({ children }: { children: React.ReactNode }) {
  const { me } = useMe();
  if (me?.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/change-password" element={<ChangePasswordPage />} />
      <Route path="/track" element={<TrackingPage />} />
      <Route
        path="/screen"
        element={
          <RequireSession>
            <ScreenPage />
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession>
            <Layout />
          </RequireSession>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="orders" element={<OrderListPage />} />
        <Route path="orders/new" element={<NewOrderPage />} />
        <Route path="orders/:id" element={<OrderDetailPage />} />
        <Route path="customers" element={<CustomerListPage />} />
        <Route path="customers/:id" element={<CustomerDetailPage />} />
        <Route path="inventory" element={<StockPage />} />
        <Route path="inventory/products" element={<ProductsPage />} />
        <Route path="inventory/locations" element={<LocationsPage />} />
        <Route path="data" element={<DataPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="settings/users" element={<UsersPage />} />
        <Route path="settings/api-keys" element={<ApiKeysPage />} />
        <Route path="settings/audit-log" element={<AuditLogPage />} />
        <Route path="settings/automation" element={<AutomationPage />} />
        <Route path="settings/webhooks" element={<WebhooksPage />} />
        <Route path="settings/jobs" element={<JobsPage />} />
        <Route path="settings/events" element={<EventsPage />} />
        <Route path="settings/emails" element={<EmailsPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
