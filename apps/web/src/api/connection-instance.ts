import { useSyncExternalStore } from "react";
import { ConnectionMonitor, type ConnectionState } from "./connection";

/** The page's one connection monitor (started in main.tsx). */
export const connection = new ConnectionMonitor();

/** The connection state as React state: re-renders when the API goes away, comes back or is probed. */
export function useConnection(): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.getState, connection.getState);
}
