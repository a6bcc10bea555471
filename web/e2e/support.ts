// Fixtures for the browser tests: users in separate browser contexts (separate storage, like
// separate laptops), helpers that act as a person would, and the optional WebSocket frame log
// for the contract tests (JB_CONTRACT_LOG).

import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

const contractLog = process.env.JB_CONTRACT_LOG;

let sockets = 0;

/** `conn` names the WebSocket, so that a log can be replayed per client (tests/contract/conformance.test.mjs). */
function logFrame(from: 'client' | 'server', conn: string, payload: string | Buffer): void {
  if (!contractLog) return;
  const text = typeof payload === 'string' ? payload : payload.toString('utf8');
  let msg: unknown = text;
  try {
    msg = JSON.parse(text);
  } catch {
    // Not JSON: logged as text, the contract test reports it.
  }
  // One write per line: several processes may append to the same file.
  appendFileSync(contractLog, `${JSON.stringify({ from, conn, msg })}\n`);
}

/** What logFinalViews needs to join again as a logged connection's viewer. */
interface Viewer {
  url: string;
  hello: Record<string, unknown> | null;
  welcomed: boolean;
  lastSeq: number;
}

function parsed(payload: string | Buffer): { type?: string; seq?: number; you?: { participantToken?: string } } | null {
  try {
    return JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch {
    return null;
  }
}

function recordFrames(page: Page, viewers: Map<string, Viewer>): void {
  page.on('websocket', (ws) => {
    const conn = `e2e-${process.pid}-${++sockets}`;
    const viewer: Viewer = { url: ws.url(), hello: null, welcomed: false, lastSeq: 0 };
    if (contractLog) viewers.set(conn, viewer);
    ws.on('framesent', (f) => {
      logFrame('client', conn, f.payload);
      const m = parsed(f.payload);
      if (m?.type === 'hello') viewer.hello = m as Record<string, unknown>;
    });
    ws.on('framereceived', (f) => {
      logFrame('server', conn, f.payload);
      const m = parsed(f.payload);
      if (m?.type === 'welcome') {
        viewer.welcomed = true;
        // A new participant's token, so that joining again is the same viewer.
        if (viewer.hello && m.you?.participantToken) viewer.hello.participantToken = m.you.participantToken;
      }
      if ((m?.type === 'welcome' || m?.type === 'event') && typeof m.seq === 'number') viewer.lastSeq = Math.max(viewer.lastSeq, m.seq);
    });
  });
}

/**
 * For the conformance replay (web/conformance): once a test's browsers are closed, each logged
 * connection that joined gets two more lines, marked "final": the welcome the same viewer gets
 * for the connection's last seq (the events it had not read) and the one for lastSeq 0 (the
 * server's whole board for that viewer). As tests/support/ws_client.hpp log_final_views does.
 */
async function logFinalViews(browser: Browser, viewers: Map<string, Viewer>): Promise<void> {
  const joined = [...viewers].filter(([, v]) => v.welcomed && v.hello);
  if (!contractLog || joined.length === 0) return;
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto('/healthz'); // a page of the server's origin, which the WebSocket upgrade checks
    for (const [conn, v] of joined) {
      const delta = await joinAgain(page, v, v.lastSeq);
      const whole = await joinAgain(page, v, 0);
      if (delta?.type !== 'welcome' || whole?.type !== 'welcome') continue; // removed since: nothing to compare
      appendFileSync(contractLog, `${JSON.stringify({ from: 'server', conn, msg: delta, final: 'delta' })}\n`);
      appendFileSync(contractLog, `${JSON.stringify({ from: 'server', conn, msg: whole, final: 'snapshot' })}\n`);
    }
  } finally {
    await context.close();
  }
}

/** The answer to a hello as viewer `v` (its token, key and name: no rename) on a connection of its own. */
async function joinAgain(page: Page, v: Viewer, lastSeq: number): Promise<{ type?: string } | null> {
  const hello = { ...v.hello, clientId: `final-${randomUUID()}`, lastSeq };
  return page.evaluate(
    ({ url, hello }) =>
      new Promise<{ type?: string } | null>((resolve) => {
        const ws = new WebSocket(url);
        const done = (m: { type?: string } | null) => {
          resolve(m);
          ws.close();
        };
        setTimeout(() => done(null), 5_000);
        ws.onopen = () => ws.send(JSON.stringify(hello));
        ws.onerror = () => done(null);
        ws.onmessage = (e) => {
          const m = JSON.parse(String(e.data)) as { type?: string };
          if (m.type !== 'presence') done(m);
        };
      }),
    { url: v.url, hello },
  );
}

/** One person with their own browser (context) and tab (page). */
export class User {
  constructor(
    readonly name: string,
    readonly context: BrowserContext,
    public page: Page,
  ) {}

  /** Opens another tab in the same browser, e.g. after closing the first. */
  async newTab(): Promise<Page> {
    this.page = await this.context.newPage();
    return this.page;
  }

  async createWorkshop(title: string): Promise<{ workshopId: string; code: string }> {
    const page = this.page;
    await page.goto('/');
    await page.getByLabel('Naam van de workshop').fill(title);
    await page.locator('input[name="createName"]').fill(this.name);
    await page.getByRole('button', { name: 'Workshop maken' }).click();
    await expect(page).toHaveURL(/#\/w\/[A-Za-z0-9_-]+\?key=/);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const code = (await page.getByTestId('join-code').textContent())!.trim();
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    const workshopId = /#\/w\/([A-Za-z0-9_-]+)/.exec(page.url())![1]!;
    return { workshopId, code };
  }

  /** Opens the facilitator's drawer of controls ("Meer bediening") when it is closed. */
  async showControls(): Promise<void> {
    const toggle = this.page.getByTestId('controls-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(this.page.getByTestId('controls-close')).toBeVisible();
  }

  async joinWithCode(code: string): Promise<void> {
    const page = this.page;
    await page.goto('/');
    await page.getByLabel('Code', { exact: true }).fill(code.toLowerCase());
    await page.locator('input[name="joinName"]').fill(this.name);
    await page.getByRole('button', { name: 'Meedoen', exact: true }).click();
    await this.waitForBoard();
  }

  async waitForBoard(): Promise<void> {
    await expect(this.page.locator('table.board-table, .list-view .list-phase').first()).toBeVisible();
    await expect(this.status).toHaveText('Verbonden');
  }

  // ---- the list view (outline) ----

  /** A lane of a phase in the list view. */
  listLane(phase: string, lane: string): Locator {
    return this.page
      .locator('.list-phase')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: new RegExp(`: ${phase}$`) }) })
      .locator('.list-lane')
      .filter({ has: this.page.getByRole('heading', { level: 4, name: new RegExp(`^${lane}`) }) });
  }

  listCard(text: string): Locator {
    return this.page.locator('li.list-card').filter({ hasText: text });
  }

  async listCardTexts(phase: string, lane: string): Promise<string[]> {
    return this.listLane(phase, lane).locator('li.list-card .list-card__text').allTextContents();
  }

  /** Every card of the board as "phaseId|laneId|text", in order, from whichever view is shown. */
  async boardContents(): Promise<string[]> {
    return this.page.evaluate(() => {
      const out: string[] = [];
      for (const cell of document.querySelectorAll<HTMLElement>('td.cell')) {
        if (cell.closest('[hidden]')) continue;
        for (const text of cell.querySelectorAll('li.card[data-card-id] .card__text')) {
          out.push(`${cell.dataset.phaseId}|${cell.dataset.laneId}|${text.textContent}`);
        }
      }
      for (const lane of document.querySelectorAll<HTMLElement>('.list-lane')) {
        const phase = lane.closest<HTMLElement>('.list-phase')!;
        if (lane.closest('[hidden]')) continue;
        for (const text of lane.querySelectorAll('li.list-card .list-card__text')) {
          out.push(`${phase.dataset.phaseId}|${lane.dataset.laneId}|${text.textContent}`);
        }
      }
      return out.sort();
    });
  }

  /** The polite live region that answers the user's own actions (e.g. keyboard moves). */
  get ownAnnouncement(): Locator {
    return this.page.locator('[aria-live="polite"][data-announce="own"]');
  }

  /** The polite live region that announces others' changes, batched. */
  get othersAnnouncement(): Locator {
    return this.page.locator('[aria-live="polite"][data-announce="others"]');
  }

  get status(): Locator {
    return this.page.locator('.conn');
  }

  addButton(phase: string, lane: string): Locator {
    return this.page.getByRole('button', { name: `Kaart toevoegen: ${phase}, ${lane}`, exact: true });
  }

  cell(phase: string, lane: string): Locator {
    return this.page.locator('td.cell').filter({ has: this.addButton(phase, lane) });
  }

  card(text: string): Locator {
    return this.page.locator('li.card[data-card-id]').filter({ hasText: text });
  }

  cardIn(phase: string, lane: string, text: string): Locator {
    return this.cell(phase, lane).locator('li.card[data-card-id]').filter({ hasText: text });
  }

  /** The card texts of a cell, top to bottom. */
  async cardTexts(phase: string, lane: string): Promise<string[]> {
    return this.cell(phase, lane).locator('li.card[data-card-id] .card__text').allTextContents();
  }

  async addCard(phase: string, lane: string, text: string): Promise<void> {
    await this.addButton(phase, lane).click();
    const editor = this.cell(phase, lane).locator('textarea');
    await expect(editor).toBeFocused();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Control+Enter');
    await expect(this.cardIn(phase, lane, text)).toBeVisible();
  }

  /** Drags a card with the mouse onto a cell (at its end) or onto the upper half of another card (before it). */
  async dragCard(text: string, to: { phase: string; lane: string } | { before: string }): Promise<void> {
    const from = await this.card(text).locator('.card__text').boundingBox();
    expect(from).not.toBeNull();
    let x: number;
    let y: number;
    if ('before' in to) {
      const box = (await this.card(to.before).boundingBox())!;
      x = box.x + box.width / 2;
      y = box.y + box.height * 0.25;
    } else {
      const box = (await this.addButton(to.phase, to.lane).boundingBox())!;
      x = box.x + box.width / 2;
      y = box.y + box.height / 2;
    }
    const mouse = this.page.mouse;
    await mouse.move(from!.x + 10, from!.y + from!.height / 2);
    await mouse.down();
    await mouse.move(from!.x + 20, from!.y + from!.height / 2 + 10, { steps: 3 });
    await mouse.move(x, y, { steps: 12 });
    await expect(this.page.locator('.drop-marker')).toHaveCount(1);
    await mouse.up();
  }

  /** Focuses a card and presses a key, as a keyboard user would. */
  async pressOnCard(text: string, key: string): Promise<void> {
    const card = this.card(text);
    await card.focus();
    await expect(card).toBeFocused();
    await this.page.keyboard.press(key);
  }

  presenceItem(name: string): Locator {
    return this.page.locator('.presence__item').filter({ has: this.page.locator('.presence__name', { hasText: new RegExp(`^${name}$`) }) });
  }
}

/** A device unlike the default laptop, e.g. a phone: `{ viewport: { width: 375, height: 667 }, hasTouch: true }`. */
export interface DeviceOptions {
  viewport?: { width: number; height: number };
  hasTouch?: boolean;
  isMobile?: boolean;
}

type NewUser = (name: string, device?: DeviceOptions) => Promise<User>;

export const test = base.extend<{ newUser: NewUser }>({
  newUser: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    const viewers = new Map<string, Viewer>();
    await use(async (name: string, device?: DeviceOptions) => {
      const context = await newContext(browser, device);
      contexts.push(context);
      context.on('page', (page) => recordFrames(page, viewers));
      const page = await context.newPage();
      return new User(name, context, page);
    });
    // All at once: each close waits on its browser's pages, and they do not depend on each other.
    await Promise.all(contexts.map((c) => c.close()));
    await logFinalViews(browser, viewers);
  },
});

async function newContext(browser: Browser, device: DeviceOptions = {}): Promise<BrowserContext> {
  const baseURL = process.env.JB_BASE_URL;
  if (!baseURL) throw new Error('JB_BASE_URL is not set: the global setup did not start the server');
  return browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, ...device });
}

/** True when the page is wider than the window (WCAG 1.4.10 reflow: it must not be). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

export { expect };
