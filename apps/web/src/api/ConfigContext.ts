import { createContext, useContext } from 'react';
import type { AppConfig } from './types.js';

/** Holds the runtime settings loaded from `GET /config`. */
export const ConfigContext = createContext<AppConfig | null>(null);

/** The runtime settings; only valid below the app's config loader. */
export function useConfig(): AppConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('useConfig() used outside ConfigContext');
  return config;
}
