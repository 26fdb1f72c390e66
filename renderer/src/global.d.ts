import type { BridgeApi } from '../../electron/contract';

declare global {
  interface Window {
    /** Present in the desktop app only (exposed by the preload). */
    callCoach?: { api: BridgeApi };
  }
}

export {};
