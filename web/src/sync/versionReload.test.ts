import { describe, expect, it } from 'vitest';
import { FakeRoom } from './fakes';
import { addCard, join, ops, Tab } from './testTabs';
import { RELOADED_KEY, versionReload } from './versionReload';
import { MemoryStorage } from '../util/MemoryStorage';
import { PROTOCOL_VERSION } from '../protocol/wire';

/** The server refuses the hello of the tab's current socket for its protocol version (P-JOIN-2). */
function refuse(tab: Tab): void {
  tab.socket.open();
  tab.socket.push({ type: 'error', code: 'protocol_version', message: 'protocolVersion 2: client too old (this server speaks version 3)' });
  tab.socket.flush();
  tab.socket.serverClose(4000);
}

/** What the browser does on location.reload(): pagehide, then a fresh page over the same storage. */
function reload(tab: Tab): void {
  tab.client.flush();
  tab.client.stop();
  tab.boot();
}

describe('reload on a refused protocol version (P-JOIN-2)', () => {
  it('P-JOIN-2 a refused page reloads itself once, its pending operations kept and sent by the reloaded page', () => {
    const tab = new Tab();
    tab.client.submit(addCard('c1', 'voor de update'));
    refuse(tab);
    expect(tab.client.status).toBe('failed');
    expect(tab.client.failReason).toBe('protocol_version');
    expect(tab.reloads).toBe(1);
    expect(tab.session.getItem(RELOADED_KEY)).toBe(String(PROTOCOL_VERSION));

    reload(tab);
    expect(tab.client.pendingCount).toBe(1);
    const room = new FakeRoom();
    join(tab, room);
    expect(ops(tab.socket.sent).map((o) => o.op)).toEqual([addCard('c1', 'voor de update')]);
    room.serve();
    expect(room.board.cards.get('c1')?.text).toBe('voor de update');
    expect(tab.session.getItem(RELOADED_KEY)).toBeNull(); // welcomed: the guard is reset
  });

  it('P-JOIN-2 a page refused again after its reload stays, with its pending operations, instead of looping', () => {
    const tab = new Tab();
    tab.client.submit(addCard('c1'));
    refuse(tab);
    reload(tab);
    refuse(tab); // a cached page, or a node not yet upgraded
    expect(tab.reloads).toBe(1);
    expect(tab.client.status).toBe('failed');
    expect(tab.client.pendingCount).toBe(1);
    tab.clock.advance(60_000);
    expect(tab.sockets.sockets).toHaveLength(2); // no reconnect either: the reload button is the way on
  });

  it('P-JOIN-2 a tab welcomed since may reload again when the server is upgraded later', () => {
    const tab = new Tab();
    refuse(tab);
    reload(tab);
    join(tab, new FakeRoom());
    tab.client.stop();
    tab.boot();
    refuse(tab);
    expect(tab.reloads).toBe(2);
  });

  it('does not reload for other failures, nor without a sessionStorage to remember it in', () => {
    const tab = new Tab();
    tab.socket.open();
    tab.socket.serverClose(4004);
    expect(tab.client.failReason).toBe('not_found');
    expect(tab.reloads).toBe(0);

    const broken = new MemoryStorage();
    broken.setItem = () => {
      throw new Error('disabled');
    };
    let reloads = 0;
    expect(versionReload(broken, () => reloads++).refused()).toBe(false);
    expect(reloads).toBe(0);
  });
});
