// The glue between the board screen and the method (SPEC-4 §1–2): it decorates cards and phase
// headers (channel badge and picker, score pickers, the largest-gap mark), owns the panel with
// the emotion curve and the gaps, turns choices into operations and says what happened: the
// user's own score at once, others' scores only through the rate-limited announcer.

import { t } from '../../i18n/i18n';
import { lanesOf, phasesOf, type Board, type Card, type Lane, type Phase } from '../../model/board';
import { emotionCurve, gapRows, isTouchpoint, myScore, type GapRow } from '../../model/method';
import type { Channel, Operation, Role, ScoreScale, ScoreSetOp, You } from '../../protocol/types';
import type { Announcer } from '../Announcer';
import type { Decoratable } from '../voting/CardDecorator';
import { channelName, formatFigure, scaleName, targetName, valueName } from './labels';
import { laneCurveSvg } from './LaneCurve';
import { MethodPanel } from './MethodPanel';
import { MethodSlot, type SlotState } from './MethodSlot';
import './method.css';

export interface MethodHost {
  board(): Board | null;
  me(): You | null;
  submit(op: Operation): void;
  announcer: Announcer;
}

const CARD_SCALES: readonly ScoreScale[] = ['current', 'desired', 'expected', 'experienced'];
const PHASE_SCALES: readonly ScoreScale[] = ['expected', 'experienced'];

/** Owns the method slots of the card views and phase headers, and the panel. */
export class MethodController {
  readonly panel = new MethodPanel();
  private readonly slots = new WeakMap<object, MethodSlot>();
  /** Per journey, this render: target id → its row among the gaps. */
  private gaps = new Map<string, Map<string, GapRow>>();
  /** Per journey, the curve drawn in its Emotie lane and what it was drawn from. */
  private drawings = new Map<string, { key: string; el: SVGElement }>();

  constructor(private readonly host: MethodHost) {}

  /** Call before each render of the board: the gaps are computed again once per journey. */
  beginRender(): void {
    this.gaps.clear();
  }

  /**
   * After each render: the panel, for the journey the table shows or every journey the list
   * shows (`journeyIds`), with the phase pickers when the table is shown (the list has its own).
   */
  update(journeyId: string, journeyIds: readonly string[], mode: 'grid' | 'list'): void {
    const board = this.host.board();
    const me = this.host.me();
    if (!board || !me) return;
    this.panel.update(board, mode === 'list' ? journeyIds : [journeyId]);
    const pickers = mode === 'grid' && me.role !== 'screen';
    this.panel.updatePhases(pickers ? phasesOf(board, journeyId) : [], (el, phase) => this.decoratePhase(el, phase, true, true));
  }

  /** For the table and the list: the channel badge on any card; pickers on touchpoint cards. */
  readonly decorate = (view: Decoratable, card: Card): void => {
    const board = this.host.board();
    const me = this.host.me();
    if (!board || !me) return;
    // Last in the card: Tab from a card reaches its own tools first, then the pickers.
    const slot = this.slotFor(view, 'card__method', (s) => view.el.append(s.el));
    const touchpoint = isTouchpoint(board, card);
    const target = targetName(card, null);
    slot.update({
      ...this.common(board, card.journeyId, card.id, target),
      channel: card.channel ?? null,
      channelPicker: touchpoint && this.mayEdit(board, me.role),
      // A private card is scored once revealed (the server says `conflict` before).
      scores: touchpoint && !card.private && me.role !== 'screen' ? CARD_SCALES.map((scale) => ({ scale, mine: myScore(board, scale, card.id) })) : [],
    });
  };

  /**
   * For a phase's own element: its largest-gap mark, and with `controls` the viewer's
   * expectation and experience pickers (the list under each phase heading; the panel, open).
   */
  readonly decoratePhase = (container: HTMLElement, phase: Phase, controls: boolean, open = false): void => {
    const board = this.host.board();
    const me = this.host.me();
    if (!board || !me) return;
    const slot = this.slotFor(container, 'phase__method', (s) => container.append(s.el), open);
    const target = targetName(null, phase);
    slot.update({
      ...this.common(board, phase.journeyId, phase.id, target),
      channel: null,
      channelPicker: false,
      scores: controls && me.role !== 'screen' ? PHASE_SCALES.map((scale) => ({ scale, mine: myScore(board, scale, phase.id) })) : [],
    });
  };

  /**
   * For the table: the emotion curve through the journey's first Emotie lane, live as scores
   * arrive (the curve the server computed, P-METH-5; model/method only looks it up).
   */
  readonly laneDrawing = (lane: Lane, phases: readonly Phase[]): Element | null => {
    const board = this.host.board();
    if (!board || lane.kind !== 'emotion') return null;
    const firstEmotion = lanesOf(board, lane.journeyId).find((l) => l.kind === 'emotion');
    if (firstEmotion?.id !== lane.id) return null;
    const curve = emotionCurve(board, lane.journeyId);
    if (curve.length === 0) return null;
    const title = board.journeys.get(lane.journeyId)?.title ?? '';
    const key = JSON.stringify([document.documentElement.lang, title, phases.map((p) => p.id), curve.map((p) => [p.card.id, p.phase.id, p.current, p.desired])]);
    const old = this.drawings.get(lane.journeyId);
    if (old?.key === key) return old.el;
    const el = laneCurveSvg(title, phases, curve);
    this.drawings.set(lane.journeyId, { key, el });
    return el;
  };

  /** For the table: the largest gaps of a phase marked in its Verwachting and Ervaring cells. */
  readonly cellMark = (phase: Phase, lane: Lane): string | null => {
    const board = this.host.board();
    if (!board || (lane.kind !== 'expectation' && lane.kind !== 'experience')) return null;
    const row = this.gapsOf(board, phase.journeyId).get(phase.id);
    if (!row || row.rank === null) return null;
    return t('method.gaps.badge', { rank: row.rank, gap: formatFigure(row.gap, true) });
  };

  /** What to say about someone else's score: null when it is not one. */
  remoteText(op: Operation): string | null {
    if (op.kind !== 'score.set') return null;
    const board = this.host.board();
    return t('method.announce.scored', { scale: scaleName(op.scale), target: this.targetOf(board, op.targetId) });
  }

  private common(board: Board, journeyId: string, targetId: string, target: string): Pick<SlotState, 'lang' | 'target' | 'gap'> {
    const row = this.gapsOf(board, journeyId).get(targetId);
    const gap = row && row.rank !== null ? { rank: row.rank, text: t('method.gaps.badge', { rank: row.rank, gap: formatFigure(row.gap, true) }) } : null;
    return { lang: document.documentElement.lang, target, gap };
  }

  private mayEdit(board: Board, role: Role): boolean {
    return role !== 'screen' && !(role === 'participant' && board.facilitation.locked);
  }

  private gapsOf(board: Board, journeyId: string): Map<string, GapRow> {
    let map = this.gaps.get(journeyId);
    if (!map) {
      map = new Map(gapRows(board, journeyId).map((r) => [r.targetId, r]));
      this.gaps.set(journeyId, map);
    }
    return map;
  }

  private slotFor(owner: object, className: string, place: (slot: MethodSlot) => void, open = false): MethodSlot {
    let slot = this.slots.get(owner);
    if (!slot) {
      const id = owner instanceof HTMLElement ? owner.dataset.phaseId : undefined;
      slot = new MethodSlot(className, {
        score: (scale, value) => this.score(scale, slotTarget(owner, id), value),
        setChannel: (channel) => this.setChannel(slotTarget(owner, id), channel),
      }, open);
      this.slots.set(owner, slot);
      place(slot);
    }
    return slot;
  }

  private targetOf(board: Board | null, targetId: string): string {
    return targetName(board?.cards.get(targetId), board?.phases.get(targetId));
  }

  private score(scale: ScoreScale, targetId: string, value: number | null): void {
    const op: ScoreSetOp = { kind: 'score.set', scale, targetId, value };
    this.host.submit(op);
    const target = this.targetOf(this.host.board(), targetId);
    this.host.announcer.now(
      value === null
        ? t('method.unscored', { scale: scaleName(scale), target })
        : t('method.scored', { scale: scaleName(scale), target, value: valueName(scale, value) }),
    );
  }

  private setChannel(cardId: string, channel: Channel | null): void {
    this.host.submit({ kind: 'card.update', cardId, channel });
    this.host.announcer.now(channel === null ? t('method.channel.cleared') : t('method.channel.set', { channel: channelName(channel) }));
  }
}

/** The card (its view's element says which) or the phase a slot belongs to. */
function slotTarget(owner: object, phaseId: string | undefined): string {
  if (phaseId !== undefined) return phaseId;
  const el = (owner as Decoratable).el;
  return el.dataset.cardId ?? '';
}
