import { Navigate, Route, Routes, useLocation } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ProductsPage } from '../features/inventory/ProductsPage';
import { StockPage } from '../features/inventory/StockPage';
import { LocationsPage } from '../features/inventory/LocationsPage';
import { OrderDetailPage } from '../features/orders/OrderDetailPage';
import { OrderListPage } from '../features/orders/OrderListPage';
import { ScreenPage } from '../features/screen/ScreenPage';
import { useToken } from '../lib/session';
import { signInUrlFor } from './App';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

function RequireSession({ children }: { children: React.ReactNode }) {
  const token = useToken();
  const location = useLocation();
  if (!token) return <Navigate to={signInUrlFor(location)} replace />;
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/screen" element={<RequireSession><ScreenPage /></RequireSession>} />
      <Route element={<RequireSession><Layout /></RequireSession>}>
        <Route index element={<DashboardPage />} />
        <Route path="orders" element={<OrderListPage />} />
        <Route path="orders/:id" element={<OrderDetailPage />} />
        <Route path="inventory" element={<StockPage />} />
        <Route path="inventory/products" element={<ProductsPage />} />
        <Route path="inventory/locations" element={<LocationsPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
