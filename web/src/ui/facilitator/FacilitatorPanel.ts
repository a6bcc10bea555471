// The facilitator's controls in the drawer (the presenter bar holds the ones used all day):
// stages (go to, retitle, instruction), the timer's time and reset, the anonymity setting and
// follow me for one phase. Built once; updates only change values, and never a field the
// facilitator is typing in.

import type { Board } from '../../model/board';
import { phasesOf } from '../../model/board';
import { currentStage } from '../../model/facilitation';
import { ANONYMITY_VALUES, MAX_INSTRUCTION, MAX_TITLE, type Anonymity, type Operation } from '../../protocol/types';
import { t, type MessageKey } from '../../i18n/i18n';
import { h, uid } from '../dom';
import { formatRemaining, parseDuration } from './timerFormat';

export interface PanelHooks {
  submit(op: Operation): void;
  announce(text: string): void;
  /** The journey on the facilitator's screen (follow me shows it to everyone). */
  journeyId(): string | null;
}

function button(label: MessageKey, onClick: () => void, testId?: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'button button--small', 'data-testid': testId ?? null }, t(label));
  b.dataset.label = label;
  b.addEventListener('click', onClick);
  return b;
}

/** Owns the facilitator's control sections. */
export class FacilitatorPanel {
  readonly el: HTMLElement;
  private board: Board | null = null;
  private readonly stageList: HTMLOListElement;
  private readonly stageTitle: HTMLInputElement;
  private readonly stageInstruction: HTMLTextAreaElement;
  private editingStage: string | null = null;
  private readonly minutes: HTMLInputElement;
  private readonly minutesError: HTMLElement;
  private readonly followPhase: HTMLSelectElement;
  private readonly followButton: HTMLButtonElement;
  private readonly followStop: HTMLButtonElement;
  private readonly anonymity: HTMLSelectElement;
  private readonly labelled: Array<[HTMLElement, MessageKey]> = [];

  constructor(private readonly hooks: PanelHooks) {
    const heading = (key: MessageKey) => this.label(h('h3', { class: 'facil__heading' }), key);
    const field = (key: MessageKey, control: HTMLElement) => {
      const id = control.id || uid('facil');
      control.id = id;
      return h('div', { class: 'field field--compact' }, this.label(h('label', { for: id }), key), control);
    };

    // Stages
    this.stageList = h('ol', { class: 'facil-stages' });
    this.stageTitle = h('input', { type: 'text', maxlength: MAX_TITLE, 'data-testid': 'stage-title-input' });
    this.stageInstruction = h('textarea', { rows: 3, maxlength: MAX_INSTRUCTION, 'data-testid': 'stage-instruction-input' });
    const stageForm = h(
      'form',
      { class: 'facil-stage-form' },
      field('stage.titleLabel', this.stageTitle),
      field('stage.instructionLabel', this.stageInstruction),
      this.label(h('button', { type: 'submit', class: 'button button--small', 'data-testid': 'stage-save' }), 'stage.save'),
    );
    stageForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.saveStage();
    });
    for (const input of [this.stageTitle, this.stageInstruction]) {
      input.addEventListener('input', () => {
        this.editingStage = this.board?.facilitation.stageId ?? null;
      });
    }

    // Timer
    this.minutes = h('input', { type: 'text', size: 6, 'data-testid': 'timer-minutes' });
    this.minutesError = h('p', { class: 'field__error', id: uid('minutes-error'), hidden: true });
    this.minutes.setAttribute('aria-describedby', this.minutesError.id);
    const timerForm = h(
      'form',
      { class: 'facil-timer-form' },
      field('timer.minutesLabel', this.minutes),
      this.label(h('button', { type: 'submit', class: 'button button--small', 'data-testid': 'timer-set' }), 'timer.set'),
      this.minutesError,
    );
    timerForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.setTimer();
    });
    const timerButtons = h('div', { class: 'facil-buttons' }, button('timer.reset', () => hooks.submit({ kind: 'timer.reset' }), 'timer-reset'));

    // Board
    this.anonymity = h('select', { 'data-testid': 'anonymity' });
    this.anonymity.addEventListener('change', () =>
      hooks.submit({ kind: 'settings.update', anonymity: this.anonymity.value as Anonymity }),
    );

    // Follow me
    this.followPhase = h('select', { 'data-testid': 'follow-phase' });
    this.followButton = button('follow.start', () => this.follow(), 'follow-start');
    this.followStop = button('follow.stop', () => hooks.submit({ kind: 'focus.set', journeyId: null, phaseId: null }), 'follow-stop');

    const section = (key: MessageKey, ...children: HTMLElement[]) =>
      h('div', { class: 'facil__section' }, heading(key), ...children);
    this.el = h(
      'div',
      { class: 'facil' },
      section('stage.heading', this.stageList, stageForm),
      section('timer.heading', timerForm, timerButtons),
      section('lock.heading', field('anonymity.label', this.anonymity)),
      section('follow.heading', field('follow.phaseLabel', this.followPhase), h('div', { class: 'facil-buttons' }, this.followButton, this.followStop)),
    );
  }

  private label<E extends HTMLElement>(el: E, key: MessageKey): E {
    el.textContent = t(key);
    this.labelled.push([el, key]);
    return el;
  }

  relabel(): void {
    for (const [el, key] of this.labelled) el.textContent = t(key);
    for (const b of this.el.querySelectorAll<HTMLButtonElement>('button[data-label]')) {
      b.textContent = t(b.dataset.label as MessageKey);
    }
    this.anonymity.replaceChildren();
    this.followPhase.replaceChildren();
    if (this.board) this.update(this.board);
  }

  update(board: Board): void {
    this.board = board;
    const f = board.facilitation;
    this.renderStages(board);

    if (document.activeElement !== this.minutes && this.minutes.value === '') {
      this.minutes.value = formatRemaining(f.timer.durationMs);
    }

    if (this.anonymity.options.length === 0) {
      this.anonymity.append(...ANONYMITY_VALUES.map((a) => h('option', { value: a }, t(`anonymity.${a}` as MessageKey))));
    }
    if (document.activeElement !== this.anonymity) this.anonymity.value = f.anonymity;

    const journeyId = this.hooks.journeyId();
    const phases = journeyId ? phasesOf(board, journeyId) : [];
    const options = [['', t('follow.wholeJourney')], ...phases.map((p) => [p.id, p.title])] as Array<[string, string]>;
    const key = JSON.stringify(options);
    if (this.followPhase.dataset.key !== key) {
      const value = this.followPhase.value;
      this.followPhase.dataset.key = key;
      this.followPhase.replaceChildren(...options.map(([v, label]) => h('option', { value: v }, label)));
      this.followPhase.value = options.some(([v]) => v === value) ? value : '';
    }
    this.followButton.disabled = journeyId === null;
    this.followStop.disabled = f.focus === null;
  }

  private renderStages(board: Board): void {
    const f = board.facilitation;
    const key = JSON.stringify([f.stageId, f.stages.map((s) => [s.id, s.title]), document.documentElement.lang]);
    if (this.stageList.dataset.key !== key) {
      const hadFocus = this.stageList.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.stageId : undefined;
      this.stageList.dataset.key = key;
      this.stageList.replaceChildren(
        ...f.stages.map((s) => {
          const current = s.id === f.stageId;
          const go = h(
            'button',
            {
              type: 'button',
              class: `button button--small facil-stage${current ? ' facil-stage--current' : ''}`,
              // Named by what it shows (label in name); aria-current says which step is on.
              'aria-current': current ? 'step' : null,
              'data-stage-id': s.id,
            },
            s.title,
            current ? h('span', { class: 'facil-stage__now' }, ` ${t('stage.isCurrent')}`) : null,
          );
          go.addEventListener('click', () => {
            if (!current) this.hooks.submit({ kind: 'stage.set', stageId: s.id });
          });
          return h('li', null, go);
        }),
      );
      if (hadFocus) this.stageList.querySelector<HTMLButtonElement>(`[data-stage-id="${CSS.escape(hadFocus)}"]`)?.focus();
    }
    // The form edits the current stage; a stage change (or a save) refills it.
    const stage = currentStage(f);
    if (stage && this.editingStage !== f.stageId) {
      this.stageTitle.value = stage.title;
      this.stageInstruction.value = stage.instruction;
    }
  }

  private saveStage(): void {
    const stage = this.board ? currentStage(this.board.facilitation) : undefined;
    if (!stage) return;
    const title = this.stageTitle.value.trim();
    const instruction = this.stageInstruction.value.trim();
    this.editingStage = null;
    if (title === '') {
      this.stageTitle.value = stage.title;
      return;
    }
    this.hooks.submit({ kind: 'stage.update', stageId: stage.id, title, instruction });
    this.hooks.announce(t('stage.saved'));
  }

  private setTimer(): void {
    const ms = parseDuration(this.minutes.value);
    this.minutesError.hidden = ms !== null;
    this.minutesError.textContent = ms === null ? t('timer.badMinutes') : '';
    this.minutes.setAttribute('aria-invalid', String(ms === null));
    if (ms !== null) this.hooks.submit({ kind: 'timer.set', durationMs: ms });
  }

  private follow(): void {
    const journeyId = this.hooks.journeyId();
    if (!journeyId) return;
    this.hooks.submit({ kind: 'focus.set', journeyId, phaseId: this.followPhase.value || null });
  }
}
