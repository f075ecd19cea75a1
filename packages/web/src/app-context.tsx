import { createContext, useContext } from 'react';
import type { ApiClient } from './api/client.ts';

export interface AppServices {
  api: ApiClient;
  navigate: (path: string) => void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const ctx = useContext(AppContext);
  if (!ctx) {
    throw new Error('useApp outside AppContext');
  }
  return ctx;
}
