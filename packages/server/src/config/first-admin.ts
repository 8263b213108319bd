/**
 * The first admin a fresh database gets, and whether its password is one everybody knows: the
 * documented demo login (no OMS_ADMIN_EMAIL / OMS_ADMIN_PASSWORD) or docker-compose.yml's
 * placeholder. Such an admin must choose a new password at its first sign-in before it may do
 * anything else (User.mustChangePassword).
 */
import type { Config } from './config';

/** Documented local-only login, used when OMS_ADMIN_EMAIL / OMS_ADMIN_PASSWORD are not set. */
export const DEMO_ADMIN = { email: 'admin@example.com', password: 'admin1234' };
/** The OMS_ADMIN_PASSWORD docker-compose.yml ships with. */
export const COMPOSE_ADMIN_PASSWORD = 'change-me-now';

export interface FirstAdmin {
  email: string;
  password: string;
  mustChangePassword: boolean;
  /** The demo login was used (the launcher says so loudly). */
  demo: boolean;
}

export function firstAdmin(config: Pick<Config, 'adminEmail' | 'adminPassword'>): FirstAdmin {
  if (!config.adminEmail || !config.adminPassword) return { ...DEMO_ADMIN, mustChangePassword: true, demo: true };
  const known = config.adminPassword === DEMO_ADMIN.password || config.adminPassword === COMPOSE_ADMIN_PASSWORD;
  return { email: config.adminEmail, password: config.adminPassword, mustChangePassword: known, demo: false };
}
