// A page the server refuses for its protocol version reloads itself (protocol.md P-JOIN-2). The
// server serves its own web client, so the reloaded page speaks the server's version. Once per
// tab and client version: a page that is refused again after its reload (a cached copy, a node of
// a cluster not yet upgraded) stays and says so, with a reload button, instead of reloading
// forever. Pending operations are in localStorage (SyncStore) and are sent by the reloaded page.

import { PROTOCOL_VERSION } from '../protocol/wire';

/** What the sync client asks when the server refuses or welcomes its version. */
export interface VersionReload {
  /** The server refused our version: true when the page reloads now. */
  refused(): boolean;
  /** The server welcomed us: a later refusal (the server upgraded since) may reload again. */
  accepted(): void;
}

/** sessionStorage key: the client version that already reloaded once in this tab. */
export const RELOADED_KEY = 'jb.reloadedForProtocol';

export function versionReload(session: Storage, reloadPage: () => void, version: number = PROTOCOL_VERSION): VersionReload {
  return {
    refused() {
      try {
        if (session.getItem(RELOADED_KEY) === String(version)) return false;
        session.setItem(RELOADED_KEY, String(version));
      } catch {
        return false; // without a place to remember it, a reload could loop: the button stays
      }
      reloadPage();
      return true;
    },
    accepted() {
      try {
        session.removeItem(RELOADED_KEY);
      } catch {
        // nothing remembered, nothing to forget
      }
    },
  };
}
