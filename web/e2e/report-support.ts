// A long workshop for the printable report's tests (report.spec.ts), built fast: created over
// HTTP from a template, filled by one facilitator's WebSocket in the browser (operations as the
// web client sends them, each acknowledged), and its report fetched with the facilitator key.
// What it holds is what stretches a printed page: many phases, long card texts, a word without
// a break (a web address), many touchpoints on the curve, a second journey with a persona.

import type { Page } from '@playwright/test';
import { expect } from './support';

export interface CreatedWorkshop {
  workshopId: string;
  joinCode: string;
  facilitatorKey: string;
}

type Op = Record<string, unknown> & { kind: string };

interface Snapshot {
  journeys: Array<{ id: string; phases: Array<{ id: string; title: string }>; lanes: Array<{ id: string; kind: string }> }>;
}

/**
 * As the facilitator in `page` (on the server's origin): sends `ops` one by one over a WebSocket,
 * each acknowledged, and leaves; answers the error of the first refused one, or null (and the
 * welcome's snapshot when `ops` is empty).
 */
async function session(page: Page, w: CreatedWorkshop, clientId: string, ops: Op[]): Promise<{ error: string | null; snapshot: unknown }> {
  return page.evaluate(
    async ({ workshop, clientId, ops }) => {
      const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws`);
      const messages: Array<Record<string, unknown>> = [];
      let wake = () => {};
      socket.onmessage = (ev) => {
        messages.push(JSON.parse(String(ev.data)) as Record<string, unknown>);
        wake();
      };
      await new Promise((resolve, reject) => {
        socket.onopen = resolve;
        socket.onerror = reject;
      });
      const next = async (pred: (m: Record<string, unknown>) => boolean) => {
        for (;;) {
          const i = messages.findIndex(pred);
          if (i >= 0) return messages.splice(i, 1)[0]!;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      };
      socket.send(JSON.stringify({ type: 'hello', protocolVersion: 5, workshopId: workshop.workshopId, clientId,
        displayName: 'Fien', lastSeq: 0, facilitatorKey: workshop.facilitatorKey }));
      const welcome = await next((m) => m.type === 'welcome' || m.type === 'error');
      if (welcome.type !== 'welcome') return { error: JSON.stringify(welcome), snapshot: null };
      for (const [i, op] of ops.entries()) {
        socket.send(JSON.stringify({ type: 'op', clientSeq: i + 1, op }));
        const answer = await next((m) => (m.type === 'ack' || m.type === 'error') && m.clientSeq === i + 1);
        if (answer.type !== 'ack') return { error: `${JSON.stringify(op)}: ${JSON.stringify(answer)}`, snapshot: null };
      }
      socket.close();
      return { error: null, snapshot: welcome.snapshot };
    },
    { workshop: w, clientId, ops },
  );
}

/** Reads the board's structure, then sends `ops(snapshot)`: every one must be acknowledged. */
export async function applyOps(page: Page, w: CreatedWorkshop, ops: (s: Snapshot) => Op[]): Promise<void> {
  // A new client id each time: a second call with the same id and clientSeq 1 would only be
  // acknowledged as a duplicate (P-SYNC-4), not applied.
  const client = `e2e-ops-${Math.random().toString(36).slice(2)}`;
  const first = await session(page, w, `${client}-read`, []);
  expect(first.error).toBeNull();
  const sent = await session(page, w, `${client}-write`, ops(first.snapshot as Snapshot));
  expect(sent.error, 'every operation acknowledged').toBeNull();
}

/** The board as the server sends it to a facilitator (the welcome's snapshot), joining as "Fien". */
export async function facilitatorSnapshot(page: Page, w: CreatedWorkshop): Promise<unknown> {
  const read = await session(page, w, `e2e-read-${Math.random().toString(36).slice(2)}`, []);
  expect(read.error).toBeNull();
  return read.snapshot;
}

export const LONG_TITLE = 'Omgevingsvergunning: van eerste idee tot besluit';
/** A word a browser cannot break at a space: it must still stay on the page. */
export const URL_WORD = 'https://www.omgevingsloket.nl/Particulier/particulier/home/checken/VergunningscheckIndex';
export const LONG_CARD =
  'Op de website staat niet duidelijk welke tekeningen ik moet meesturen, en de voorbeelden gaan over een heel ander soort ' +
  'verbouwing. Ik heb de gemeente twee keer gebeld en kreeg twee verschillende antwoorden. Uiteindelijk heb ik maar alles ' +
  'meegestuurd wat ik had, ook de oude bouwtekening van de vorige eigenaar, en toen kreeg ik een brief dat het dossier ' +
  'onvolledig was omdat de constructieberekening ontbrak, terwijl niemand die had genoemd.';
export const REMARK = 'Fijne dag. De curve maakte in één oogopslag duidelijk waar het misgaat; volgende keer graag meer tijd voor de ideeën.';

/**
 * The long workshop: the omgevingsvergunning template (six phases), a touchpoint with a channel
 * and scores in every phase, long texts, a pain point with a linked idea, a closed round, an
 * owner, the evaluation answered; and a second journey (persona) of ten phases.
 */
export async function longWorkshop(page: Page): Promise<CreatedWorkshop> {
  const res = await page.request.post('/api/workshops', {
    data: { title: LONG_TITLE, source: { kind: 'template', templateId: 'omgevingsvergunning-inwoner' } },
  });
  expect(res.status()).toBe(201);
  const w = (await res.json()) as CreatedWorkshop;
  await page.goto('/#/toegankelijkheid');
  await applyOps(page, w, (s) => {
    const channels = ['website', 'phone', 'desk', 'letter', 'email', 'app'];
    const colors = ['yellow', 'blue', 'green', 'pink', 'orange', 'purple'];
    const j = s.journeys[0]!;
    const lane = (kind: string) => j.lanes.find((l) => l.kind === kind)!.id;
    const ops: Op[] = [];
    j.phases.forEach((p, i) => {
      const id = `t${i}`;
      ops.push({ kind: 'card.add', cardId: id, journeyId: j.id, phaseId: p.id, laneId: lane('touchpoint'),
        text: i === 1 ? `Vergunningcheck op ${URL_WORD}` : `Contactmoment ${i + 1}: ${p.title} via ${channels[i]}`, color: colors[i], orderKey: 'a0', channel: channels[i] });
      ops.push({ kind: 'score.set', scale: 'current', targetId: id, value: [1, -1, -2, 0, -1, 2][i] });
      ops.push({ kind: 'score.set', scale: 'desired', targetId: id, value: [2, 1, 1, 1, 2, 2][i] });
      ops.push({ kind: 'score.set', scale: 'expected', targetId: id, value: 4 });
      ops.push({ kind: 'score.set', scale: 'experienced', targetId: id, value: [4, 2, 1, 3, 2, 5][i] });
      ops.push({ kind: 'score.set', scale: 'expected', targetId: p.id, value: 5 });
      ops.push({ kind: 'score.set', scale: 'experienced', targetId: p.id, value: [4, 3, 1, 2, 3, 5][i] });
      ops.push({ kind: 'card.add', cardId: `x${i}`, journeyId: j.id, phaseId: p.id, laneId: lane('experience'),
        text: i === 2 ? LONG_CARD : `Ervaring in fase ${i + 1}: het duurde langer dan gedacht.`, color: 'grey', orderKey: 'a0' });
    });
    ops.push({ kind: 'card.add', cardId: 'pain', journeyId: j.id, phaseId: j.phases[2]!.id, laneId: lane('pain_point'),
      text: 'Niemand weet welke stukken nodig zijn', color: 'pink', orderKey: 'a0' });
    ops.push({ kind: 'card.add', cardId: 'idea1', journeyId: j.id, phaseId: j.phases[2]!.id, laneId: lane('idea'),
      text: 'Een checklist per soort verbouwing, met voorbeelden', color: 'green', orderKey: 'a0' });
    ops.push({ kind: 'card.add', cardId: 'idea2', journeyId: j.id, phaseId: j.phases[3]!.id, laneId: lane('idea'),
      text: 'Vaste contactpersoon vanaf de eerste vraag', color: 'green', orderKey: 'a0' });
    ops.push({ kind: 'card.link', cardId: 'idea1', targetId: 'pain' });
    ops.push({ kind: 'round.start', roundId: 'r1', criterion: 'impact voor de inwoner', budget: 3, maxPerItem: 3, durationMs: null,
      anonymous: true, facilitatorVotes: true, scope: { kind: 'ideas' } });
    ops.push({ kind: 'vote.add', roundId: 'r1', itemId: 'idea1' }, { kind: 'vote.add', roundId: 'r1', itemId: 'idea1' });
    ops.push({ kind: 'vote.add', roundId: 'r1', itemId: 'idea2' });
    ops.push({ kind: 'round.close', roundId: 'r1' });
    ops.push({ kind: 'improvement.update', itemId: 'idea1', owner: 'Team Vergunningen', status: 'planned' });
    ops.push({ kind: 'evaluation.open', open: true });
    ops.push({ kind: 'evaluation.submit', rating: 4, remarks: REMARK });
    // The second journey: a persona, ten phases, a touchpoint in each.
    ops.push({ kind: 'journey.add', journeyId: 'j2', title: 'Ondernemer met een terras', targetGroup: 'persona', orderKey: 'a5',
      persona: { name: 'Samira', description: 'Heeft een lunchroom en wil het terras uitbreiden voor de zomer.' } });
    ops.push({ kind: 'lane.add', journeyId: 'j2', laneId: 'j2-touch', title: 'Contactmoment', laneKind: 'touchpoint', orderKey: 'a0' });
    ops.push({ kind: 'lane.add', journeyId: 'j2', laneId: 'j2-pain', title: 'Knelpunt', laneKind: 'pain_point', orderKey: 'a1' });
    for (let i = 0; i < 10; i += 1) {
      ops.push({ kind: 'phase.add', journeyId: 'j2', phaseId: `j2-p${i}`, title: `Stap ${i + 1}: ${['oriënteren', 'bellen', 'aanvragen', 'wachten', 'aanvullen', 'betalen', 'besluit', 'bezwaar', 'inrichten', 'evalueren'][i]}`, orderKey: `a${i}` });
      ops.push({ kind: 'card.add', cardId: `j2-t${i}`, journeyId: 'j2', phaseId: `j2-p${i}`, laneId: 'j2-touch',
        text: `Terras stap ${i + 1}`, color: 'blue', orderKey: 'a0', channel: channels[i % channels.length] });
      ops.push({ kind: 'score.set', scale: 'current', targetId: `j2-t${i}`, value: (i % 5) - 2 });
      ops.push({ kind: 'score.set', scale: 'desired', targetId: `j2-t${i}`, value: 2 });
    }
    return ops;
  });
  return w;
}

/** The report.html of a workshop, as its facilitator downloads it. */
export async function fetchReport(page: Page, w: CreatedWorkshop, lang: 'nl' | 'en' = 'nl'): Promise<string> {
  const res = await page.request.get(`/api/workshops/${w.workshopId}/export/report.html?lang=${lang}`, {
    headers: { authorization: `Bearer ${w.facilitatorKey}` },
  });
  expect(res.status()).toBe(200);
  return res.text();
}
