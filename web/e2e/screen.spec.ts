// The big screen as a presentation (issue 11): one workshop walked through every stage, the
// projector measured at 1920×1080 and 1280×720 in each (no scrolling, every text inside the
// window, the smallest text at least 28 px at 1080p), a stage pinned from the facilitator's
// browser (P-FAC-10), and the result chart's animation off under prefers-reduced-motion.
// Screenshots of every slide at 1920×1080 go to build/screenshots/ to be looked at.

import type { Page } from '@playwright/test';
import path from 'node:path';
import { applyOps, type CreatedWorkshop } from './report-support';
import { expect, test, type User } from './support';

const FULL_HD = { width: 1920, height: 1080 };
const HD = { width: 1280, height: 720 };

interface Measured {
  scrollW: number;
  scrollH: number;
  innerW: number;
  innerH: number;
  smallest: number;
  smallestText: string;
  outside: string[];
  /** Words split over two lines anywhere but after a (soft) hyphen. */
  brokenMidWord: string[];
}

/**
 * What the projector shows: document size, the smallest visible text, text outside the window,
 * and words broken mid-word (a line ends inside a word, not at a soft hyphen or hyphen).
 */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    let smallest = Infinity;
    let smallestText = '';
    const outside: string[] = [];
    const brokenMidWord: string[] = [];
    const lineBreaksMidWord = (node: Text) => {
      for (const m of node.data.matchAll(/\S{2,}/g)) {
        let top: number | null = null;
        for (let i = m.index; i < m.index + m[0].length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          // The last box: a soft hyphen's drawn hyphen counts as a box of the letter after it.
          const rect = [...range.getClientRects()].at(-1);
          if (!rect || rect.width === 0) continue;
          if (top !== null && rect.top > top + 1) {
            if (!['\u00ad', '-', '/'].includes(node.data[i - 1]!)) brokenMidWord.push(m[0].replaceAll('\u00ad', ''));
            break;
          }
          top = rect.top;
        }
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < smallest) {
        smallest = size;
        smallestText = text.slice(0, 40);
      }
      if (box.top < -1 || box.left < -1 || box.bottom > innerHeight + 1 || box.right > innerWidth + 1) outside.push(text.slice(0, 40));
      lineBreaksMidWord(n as Text);
    }
    return {
      scrollW: Math.max(doc.scrollWidth, document.body.scrollWidth),
      scrollH: Math.max(doc.scrollHeight, document.body.scrollHeight),
      innerW: innerWidth,
      innerH: innerHeight,
      smallest,
      smallestText,
      outside,
      brokenMidWord,
    };
  });
}

/**
 * Each text of the slide that is held to a number of lines (a CSS line clamp: poster notes,
 * chart and list items, remarks) as it is drawn: the characters that start inside its box, then
 * "…" where the clamp cuts it (the clamp draws its ellipsis; it is not in the text). Soft
 * hyphens left out, spaces collapsed. `within` narrows it to a part of the slide.
 */
function drawnCuts(page: Page, within = '[data-testid="big-screen"]'): Promise<string[]> {
  return page.evaluate((within) => {
    const clamped = [...document.querySelectorAll<HTMLElement>(`${within} *`)].filter(
      (el) => getComputedStyle(el).webkitLineClamp !== 'none' && !el.classList.contains('sr-only') && el.getClientRects().length > 0,
    );
    return clamped.map((el) => {
      const box = el.getBoundingClientRect();
      let drawn = '';
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n as Text;
        for (let i = 0; i < text.data.length; i += 1) {
          const range = document.createRange();
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          const r = range.getBoundingClientRect();
          if (r.height === 0 || r.top < box.bottom - 1) drawn += text.data[i];
        }
      }
      const cut = el.scrollHeight > el.clientHeight + 1 ? '…' : '';
      return drawn.replaceAll('\u00ad', '').replace(/\s+/g, ' ').trim() + cut;
    });
  }, within);
}

/** The text as the screen may show it: with soft hyphens in its long words (ui/screen/hyphenation.ts). */
function hyphenated(text: string, whole = false): RegExp {
  const body = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\u00ad?');
  return new RegExp(whole ? `^${body}$` : body);
}

/** Checks the slide on show at both projector sizes and keeps a 1080p screenshot of it. */
async function checkSlide(screen: User, slide: string, root: string): Promise<void> {
  const page = screen.page;
  await expect(page.getByTestId('big-screen')).toHaveAttribute('data-slide', slide);
  await expect(page.getByTestId('big-screen')).toHaveAttribute('data-hyphens', 'nl');
  for (const size of [HD, FULL_HD]) {
    await page.setViewportSize(size);
    // The poster measures its cells again in the frame after the resize.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await expect(page.getByTestId('big-screen')).toHaveAttribute('data-slide', slide);
    const m = await measure(page);
    const at = `${slide} at ${size.width}×${size.height}`;
    expect(m.scrollH, `${at}: no vertical scrolling`).toBeLessThanOrEqual(m.innerH);
    expect(m.scrollW, `${at}: no horizontal scrolling`).toBeLessThanOrEqual(m.innerW);
    expect(m.outside, `${at}: every text inside the window`).toEqual([]);
    expect(m.brokenMidWord, `${at}: long words break at a syllable, with a hyphen`).toEqual([]);
    if (size === FULL_HD) expect(m.smallest, `${at}: smallest text "${m.smallestText}"`).toBeGreaterThanOrEqual(28);
    // A text cut to its lines ends in one ellipsis after a word, never after its own punctuation
    // (a clamp drew "al.…", read as "al….").
    for (const text of await drawnCuts(page)) expect(text, `${at}: a cut text`).not.toMatch(/[\p{P}\s]…|…./u);
  }
  await page.screenshot({ path: path.join(root, `screen-${slide}.png`) });
}

test('the big screen presents every stage without scrolling, and follows a pinned stage', async ({ newUser }, testInfo) => {
  test.setTimeout(120_000);
  const shots = path.resolve(testInfo.config.rootDir, '../../build/screenshots');
  const sander = await newUser('Sander');
  const { workshopId, code } = await sander.createWorkshop('Omgevingsvergunning aanvragen');
  const facilitatorKey = new URLSearchParams(sander.page.url().split('?')[1]).get('key')!;
  const w: CreatedWorkshop = { workshopId, joinCode: code, facilitatorKey };
  const screenLink = (await sander.page.getByTestId('screen-link').getAttribute('href'))!;
  const screen = await newUser('Scherm', { viewport: FULL_HD });
  await screen.page.goto(screenLink);

  // Joining: the code, the address and its QR code, and who is in.
  await expect(screen.page.getByTestId('screen-join-code')).toHaveText(code);
  await expect(screen.page.getByRole('img', { name: 'QR-code om mee te doen' })).toBeVisible();
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  await expect(screen.page.getByTestId('screen-people')).toHaveText('1 deelnemer is binnen');
  await checkSlide(screen, 'join', shots);

  // Mapping: the poster, filled over the wire.
  const ideas = [
    'Checklist per soort verbouwing, met voorbeelden van tekeningen',
    'Vaste contactpersoon vanaf de eerste vraag',
    'Ontvangstbevestiging binnen één dag, met de naam van de behandelaar',
    'Status van de aanvraag online te volgen',
    'Belafspraak in plaats van wachten aan de telefoon',
    'Voorbeeldaanvraag die je kunt kopiëren',
    'Uitleg in gewone taal bij elk formulierveld',
  ];
  await applyOps(screen.page, w, (s) => {
    const j = s.journeys[0]!;
    const lane = (kind: string) => j.lanes.find((l) => l.kind === kind)!.id;
    const ops: Array<Record<string, unknown> & { kind: string }> = [{ kind: 'stage.set', stageId: 'map' }];
    const texts: Record<string, string[]> = {
      touchpoint: ['Zoekt op de website van de gemeente', 'Belt het klantcontactcentrum', 'Dient de aanvraag in via het Omgevingsloket', 'Krijgt een brief', 'Leest het besluit'],
      expectation: ['Snel duidelijk wat nodig is', 'Iemand die het weet', 'Een bevestiging', 'Binnen 8 weken een besluit', 'Begrijpelijke taal'],
      experience: ['Veel verschillende pagina’s, tegenstrijdig', 'Drie keer doorverbonden', 'Geen bevestiging gekregen', 'Niets gehoord, zelf gebeld', 'Juridische taal'],
      pain_point: ['Onduidelijk welke stukken nodig zijn', 'Niemand voelt zich eigenaar', 'Geen ontvangstbevestiging', 'Geen zicht op de status', 'Besluit slecht leesbaar'],
    };
    for (const [kind, list] of Object.entries(texts)) {
      list.forEach((text, i) => ops.push({ kind: 'card.add', cardId: `${kind}${i}`, journeyId: j.id, phaseId: j.phases[i]!.id, laneId: lane(kind), text, color: kind === 'pain_point' ? 'pink' : 'yellow', orderKey: 'a0' }));
    }
    ideas.forEach((text, i) => ops.push({ kind: 'card.add', cardId: `idea${i}`, journeyId: j.id, phaseId: j.phases[Math.min(i, 4)]!.id, laneId: lane('idea'), text, color: 'green', orderKey: `a${i}` }));
    // A full cell: more than it can hold.
    for (let i = 0; i < 6; i += 1) ops.push({ kind: 'card.add', cardId: `more${i}`, journeyId: j.id, phaseId: j.phases[1]!.id, laneId: lane('experience'), text: `Nog een ervaring ${i + 1}`, color: 'blue', orderKey: `a${i + 1}` });
    // The emotion curve through the Emotie lane, dipping where it hurts.
    [1, -1, -2, 0, 1].forEach((value, i) => {
      ops.push({ kind: 'score.set', scale: 'current', targetId: `touchpoint${i}`, value });
      ops.push({ kind: 'score.set', scale: 'desired', targetId: `touchpoint${i}`, value: 2 });
    });
    return ops;
  });
  await expect(screen.page.getByTestId('screen-poster')).toContainText(hyphenated('Belt het klantcontactcentrum'));
  await expect(screen.page.locator('.poster__more').first()).toHaveText(/^\+\d+$/); // full cells fold
  await expect(screen.page.locator('.poster__curve-line--current')).toHaveCount(1);
  // Every card of the batch drawn (the folded ones too) before the next: a card drawn for the
  // first time is marked new, and the late card must be the only one new in its frame.
  await expect(screen.page.locator('[data-card-id="more5"]')).toHaveCount(1);
  // A card added now appears live, and is marked as new.
  await applyOps(screen.page, w, (s) => {
    const j = s.journeys[0]!;
    return [{ kind: 'card.add', cardId: 'late', journeyId: j.id, phaseId: j.phases[4]!.id, laneId: j.lanes.find((l) => l.kind === 'expectation')!.id, text: 'Een telefoontje als het besluit er is', color: 'orange', orderKey: 'a5' }];
  });
  await expect(screen.page.locator('.poster__note--new')).toHaveText(hyphenated('Een telefoontje als het besluit er is', true));
  await checkSlide(screen, 'board', shots);

  // Pinned from the facilitator's browser: the join code stays while the room maps.
  await sander.showControls();
  await sander.page.getByLabel('Groot scherm toont').selectOption({ label: 'Voorbereiden' });
  await expect(screen.page.getByTestId('big-screen')).toHaveAttribute('data-slide', 'join');
  await expect(sander.page.getByTestId('stage-title')).toHaveText('Klantreis in kaart brengen');
  await sander.page.getByLabel('Groot scherm toont').selectOption({ label: 'De huidige stap' });
  await expect(screen.page.getByTestId('big-screen')).toHaveAttribute('data-slide', 'board');

  // Private writing: counts, no text.
  await applyOps(screen.page, w, () => [{ kind: 'writing.private', on: true }]);
  await anna.addCard('Wachten', 'Knelpunt', 'Geheim knelpunt van Anna');
  await expect(screen.page.getByTestId('screen-hidden-count')).toHaveText('1 kaart nog verborgen');
  await expect(screen.page.getByTestId('big-screen')).not.toContainText('Geheim knelpunt');
  await checkSlide(screen, 'writing', shots);
  await applyOps(screen.page, w, () => [{ kind: 'writing.private', on: false }]);

  // Voting: the criterion, the countdown, how many are done, no names.
  await applyOps(screen.page, w, () => [
    { kind: 'stage.set', stageId: 'vote' },
    { kind: 'round.start', roundId: 'r1', criterion: 'impact voor de inwoner', budget: 10, maxPerItem: 3, durationMs: 600_000, anonymous: true, facilitatorVotes: true, scope: { kind: 'ideas' } },
  ]);
  await expect(screen.page.getByRole('heading', { level: 2 })).toHaveText('Stemmen: impact voor de inwoner');
  await expect(screen.page.getByTestId('screen-countdown')).toHaveText(/^(10:00|9:[0-5]\d)$/);
  // Anna and every facilitator (they vote in this round; the helper's connections count too)
  // may vote: the total is the server's.
  const progress = screen.page.getByTestId('screen-vote-progress');
  // The total settles once the voters' presence has arrived (it reads "0 van 0" before that).
  await expect(progress).toHaveText(/^0 van [1-9]\d* hebben gestemd$/);
  const total = /van (\d+)/.exec((await progress.textContent())!)![1];
  await anna.page.getByRole('button', { name: 'Ik ben klaar' }).click();
  await expect(progress).toHaveText(`1 van ${total} hebben gestemd`);
  await expect(screen.page.getByTestId('big-screen')).not.toContainText('Anna');
  await checkSlide(screen, 'vote', shots);

  // Results: bars for the items with votes, shared places, the rest folded.
  const votes = [3, 2, 2, 1, 1, 1, 0];
  await applyOps(screen.page, w, () => [
    ...votes.flatMap((n, i) => Array.from({ length: Math.min(n, 3) }, () => ({ kind: 'vote.add', roundId: 'r1', itemId: `idea${i}` }))),
    { kind: 'round.close', roundId: 'r1' },
    { kind: 'stage.set', stageId: 'results' },
  ]);
  await expect(screen.page.getByTestId('chart-row')).toHaveCount(6);
  await expect(screen.page.getByTestId('chart-row').nth(1)).toContainText('2 (gedeeld)');
  await expect(screen.page.getByTestId('results-chart')).not.toContainText(hyphenated(ideas[6]!));
  await expect(screen.page.getByText('1 idee kreeg geen stemmen.')).toBeVisible();
  const bar = screen.page.locator('.chart__bar').first();
  expect(await bar.evaluate((el) => getComputedStyle(el).animationName)).toBe('chart-grow');
  await checkSlide(screen, 'results', shots);
  await screen.page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await bar.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');

  // Evaluating: the improvement list, then the poll.
  await applyOps(screen.page, w, () => [
    { kind: 'improvement.update', itemId: 'idea0', owner: 'Team Vergunningen', status: 'planned' },
    { kind: 'stage.set', stageId: 'evaluate' },
  ]);
  await expect(screen.page.getByTestId('screen-improvements')).toContainText(hyphenated('Eigenaar: Team Vergunningen'));
  await checkSlide(screen, 'improvements', shots);
  // Three people answer (each helper connection is a participant of its own), with long remarks.
  const answers: Array<[number, string]> = [
    [4, 'Fijne dag, en eindelijk snap ik waarom de klantcontactmedewerkers zo vaak doorverbinden.'],
    [5, 'De curve maakte in één oogopslag duidelijk waar het misgaat. Volgende keer graag meer tijd voor de verbeterideeën en minder voor de uitleg vooraf, want die kenden de meesten al.\nEn koffie!'],
    [2, 'Te lang.'],
  ];
  await applyOps(screen.page, w, () => [{ kind: 'evaluation.open', open: true }]);
  for (const [rating, remarks] of answers) await applyOps(screen.page, w, () => [{ kind: 'evaluation.submit', rating, remarks }]);
  await expect(screen.page.getByTestId('screen-answers')).toHaveText('3 antwoorden');
  // The result, as the server summed it up (P-EVAL-4): the average and how often each rating was given.
  await expect(screen.page.getByTestId('screen-average')).toContainText('3,7');
  await expect(screen.page.getByTestId('screen-rating')).toHaveText([/5 – Heel goed\s*1$/, /4 – Goed\s*1$/, /3 – Redelijk\s*0$/, /2 – Matig\s*1$/, /1 – Slecht\s*0$/]);
  await expect(screen.page.getByTestId('screen-remark')).toHaveCount(0);
  // The facilitator puts remarks on the big screen from the evaluation results (at most three), and takes one off.
  await sander.showControls();
  const onScreen = sander.page.getByTestId('evaluation-panel').getByRole('checkbox', { name: 'Op groot scherm' });
  await expect(onScreen).toHaveCount(3);
  await expect(onScreen.nth(1)).toHaveAccessibleDescription(answers[1]![1].replace('\n', ' '));
  for (const i of [0, 1, 2]) {
    await onScreen.nth(i).check();
    await expect(screen.page.getByTestId('screen-remark')).toHaveCount(i + 1);
  }
  await expect(screen.page.getByTestId('screen-remark').nth(2)).toHaveText('Te lang.');
  await expect(screen.page.getByTestId('big-screen')).not.toContainText('Fien');
  await checkSlide(screen, 'evaluation', shots);
  // The long remark is cut (checkSlide saw no stray dots at either size); its whole text stays
  // for a screen reader.
  expect((await drawnCuts(screen.page, '[data-testid="screen-remark"]'))[1]).toMatch(/^De curve .*\S…$/);
  await expect(screen.page.getByTestId('screen-remark').nth(1).locator('.cut-whole')).toHaveText(hyphenated(answers[1]![1], true));
  await onScreen.nth(2).uncheck();
  await expect(screen.page.getByTestId('screen-remark')).toHaveCount(2);
});
