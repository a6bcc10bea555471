// The facilitator's structure editor: a modal dialog to add, rename, reorder and delete
// journeys, phases and lanes, set a journey's target group or persona and a lane's guiding
// question (journey.*, phase.*, lane.* over the WebSocket), save the structure as a template,
// and delete the workshop after a confirm step. Remote changes re-render it without moving
// focus away from where the facilitator is (the focused field keeps its typed value).

import { replaceFacilitatorKey } from '../../api/http';
import { fetchStructure, deleteWorkshop, templateFileName } from '../../api/templates';
import { lanesOf, phasesOf, sortedJourneys, type Board, type Journey, type Lane, type Phase } from '../../model/board';
import { t, type MessageKey } from '../../i18n/i18n';
import {
  LANE_KINDS,
  MAX_DISPLAY_NAME,
  MAX_PERSONA_DESCRIPTION,
  MAX_QUESTION,
  MAX_TITLE,
  TARGET_GROUPS,
  type LaneKind,
  type Operation,
  type TargetGroup,
} from '../../protocol/types';
import { h, uid } from '../dom';
import {
  addJourneyOp,
  addLaneOp,
  addPhaseOp,
  deleteOp,
  deleteProblem,
  laneKindOp,
  moveOp,
  personaOp,
  targetGroupOp,
  type Part,
} from './structureOps';
import './structure.css';

export interface StructureEditorActions {
  submit(op: Operation): void;
  notify(message: string): void;
  /** After the workshop was deleted on the server. */
  deleted(): void;
  /** After the server replaced the facilitator key (P-HTTP-11): use and keep the new one. */
  keyReplaced(key: string): void;
  /** The names of the other facilitators: a new key leaves their role alone. */
  otherFacilitators(): string[];
}

/** Owns the dialog element and the confirm steps of deleting the workshop and of replacing its key. */
export class StructureEditor {
  readonly el: HTMLDialogElement;
  private board: Board | null = null;
  private signature = '';
  private confirming: 'delete' | 'newKey' | null = null;
  private busy = false;

  constructor(
    private readonly workshopId: string,
    /** The facilitator key, or a facilitator's own participant token (P-HTTP-9). */
    private readonly credential: () => string,
    private readonly actions: StructureEditorActions,
  ) {
    this.el = h('dialog', { class: 'structure', 'aria-labelledby': 'structure-title' });
    this.el.addEventListener('close', () => {
      this.confirming = null;
    });
  }

  open(): void {
    this.signature = '';
    this.render();
    if (!this.el.open) this.el.showModal();
  }

  /** Called on every board change; re-renders only when the structure changed. */
  update(board: Board | null): void {
    this.board = board;
    if (this.el.open) this.render();
  }

  relabel(): void {
    this.signature = '';
    if (this.el.open) this.render();
  }

  private structureSignature(board: Board): string {
    return JSON.stringify([
      [...board.journeys.values()].map((j) => [j.id, j.title, j.targetGroup, j.orderKey, j.persona]),
      [...board.phases.values()].map((p) => [p.id, p.journeyId, p.title, p.orderKey]),
      [...board.lanes.values()].map((l) => [l.id, l.journeyId, l.title, l.kind, l.orderKey, l.question]),
      this.confirming,
      this.busy,
    ]);
  }

  private render(): void {
    const board = this.board;
    if (!board) return;
    const signature = this.structureSignature(board);
    if (signature === this.signature) return;
    this.signature = signature;

    // Keep the facilitator where they are: the same field, with what they typed in it.
    const active = document.activeElement;
    const focusKey = active instanceof HTMLElement && this.el.contains(active) ? active.dataset.focus : undefined;
    const typed = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active.value : null;

    const close = h('button', { type: 'button', class: 'button', 'data-focus': 'close' }, t('structure.close'));
    close.addEventListener('click', () => this.el.close());
    const addJourney = this.button(t('structure.addJourney'), 'add-journey', () =>
      this.actions.submit(addJourneyOp(board, t('structure.newJourney'))),
    );
    this.el.replaceChildren(
      h('h2', { id: 'structure-title' }, t('structure.heading')),
      h('p', null, t('structure.intro')),
      ...sortedJourneys(board).map((j, i) => this.journeySection(board, j, i)),
      h('p', null, addJourney),
      this.workshopActions(),
      h('div', { class: 'structure__actions' }, close),
    );

    if (focusKey) {
      const again = this.el.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`);
      if (again) {
        if (typed !== null && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement) && again.value !== typed) {
          again.value = typed;
          // A value set by script does not fire "change" on leaving: commit it then ourselves.
          again.addEventListener('blur', () => again.dispatchEvent(new Event('change')), { once: true });
        }
        again.focus({ preventScroll: true });
      }
    }
  }

  private journeySection(board: Board, j: Journey, index: number): HTMLElement {
    const headingId = uid('journey');
    const title = this.textInput(t('structure.journeyTitle'), `j-title-${j.id}`, j.title, MAX_TITLE, (value) =>
      this.actions.submit({ kind: 'journey.update', journeyId: j.id, title: value }),
    );
    const groupId = uid('group');
    const group = h('select', { id: groupId, class: 'field__input', 'data-focus': `j-group-${j.id}` },
      ...TARGET_GROUPS.map((g) => h('option', { value: g, selected: g === j.targetGroup }, t(`group.${g}` as MessageKey))));
    group.addEventListener('change', () => {
      const op = targetGroupOp(board, j.id, group.value as TargetGroup);
      if (op) this.actions.submit(op);
    });
    const section = h('section', { class: 'structure__journey', 'aria-labelledby': headingId, 'data-journey-id': j.id },
      h('h3', { id: headingId }, t('structure.journey', { n: index + 1 }), ': ', j.title),
      title,
      h('div', { class: 'field' }, h('label', { class: 'field__label', for: groupId }, t('structure.group')), group),
    );
    if (j.targetGroup === 'persona') section.append(...this.personaFields(j));
    section.append(
      this.orderButtons(board, 'journey', j.id, j.title, false),
      h('h4', null, t('structure.phases')),
      h('ol', { class: 'structure__list' }, ...phasesOf(board, j.id).map((p, i) => this.phaseRow(board, p, i))),
      this.button(t('structure.addPhase'), `add-phase-${j.id}`, () => this.actions.submit(addPhaseOp(board, j.id, t('structure.newPhase')))),
      h('h4', null, t('structure.lanes')),
      h('ol', { class: 'structure__list' }, ...lanesOf(board, j.id).map((l, i) => this.laneRow(board, l, i))),
      this.button(t('structure.addLane'), `add-lane-${j.id}`, () => this.actions.submit(addLaneOp(board, j.id, t('structure.newLane')))),
    );
    return section;
  }

  private personaFields(j: Journey): HTMLElement[] {
    const current = j.persona ?? { name: '', description: '' };
    const nameField = this.textInput(t('structure.personaName'), `j-pname-${j.id}`, current.name, MAX_DISPLAY_NAME, (name) =>
      this.actions.submit(personaOp(j.id, { name, description: j.persona?.description ?? '' })),
    );
    const descId = uid('pdesc');
    const desc = h('textarea', { id: descId, class: 'field__input', rows: 2, maxlength: MAX_PERSONA_DESCRIPTION, 'data-focus': `j-pdesc-${j.id}` });
    desc.value = current.description;
    desc.addEventListener('change', () => {
      const name = j.persona?.name ?? '';
      if (!name) return this.actions.notify(t('structure.personaNeeded'));
      if (desc.value !== current.description) this.actions.submit(personaOp(j.id, { name, description: desc.value }));
    });
    return [nameField, h('div', { class: 'field' }, h('label', { class: 'field__label', for: descId }, t('structure.personaDescription')), desc)];
  }

  private phaseRow(board: Board, p: Phase, index: number): HTMLElement {
    return h('li', { class: 'structure__item', 'data-phase-id': p.id },
      this.textInput(t('structure.phaseTitle', { n: index + 1 }), `p-title-${p.id}`, p.title, MAX_TITLE, (title) =>
        this.actions.submit({ kind: 'phase.update', phaseId: p.id, title }),
      ),
      this.orderButtons(board, 'phase', p.id, p.title, true),
    );
  }

  private laneRow(board: Board, l: Lane, index: number): HTMLElement {
    const kindId = uid('kind');
    const kind = h('select', { id: kindId, class: 'field__input', 'data-focus': `l-kind-${l.id}` },
      ...LANE_KINDS.map((k) => h('option', { value: k, selected: k === l.kind }, t(`kind.${k}` as MessageKey))));
    kind.addEventListener('change', () => this.actions.submit(laneKindOp(l.id, kind.value as LaneKind)));
    const questionId = uid('question');
    const question = h('textarea', { id: questionId, class: 'field__input', rows: 2, maxlength: MAX_QUESTION, 'data-focus': `l-question-${l.id}` });
    question.value = l.question;
    question.addEventListener('change', () => {
      if (question.value !== l.question) this.actions.submit({ kind: 'lane.update', laneId: l.id, question: question.value });
    });
    return h('li', { class: 'structure__item', 'data-lane-id': l.id },
      this.textInput(t('structure.laneTitle', { n: index + 1 }), `l-title-${l.id}`, l.title, MAX_TITLE, (title) =>
        this.actions.submit({ kind: 'lane.update', laneId: l.id, title }),
      ),
      h('div', { class: 'field' }, h('label', { class: 'field__label', for: kindId }, t('structure.laneKind', { n: index + 1 })), kind),
      h('div', { class: 'field' }, h('label', { class: 'field__label', for: questionId }, t('structure.laneQuestion', { n: index + 1 })), question),
      this.orderButtons(board, 'lane', l.id, l.title, false),
    );
  }

  /** A labelled one-line field that sends `commit(trimmed)` when a valid new value is left. */
  private textInput(label: string, focus: string, value: string, max: number, commit: (value: string) => void): HTMLElement {
    const id = uid('structure-field');
    const input = h('input', { id, type: 'text', class: 'field__input', maxlength: max, 'data-focus': focus });
    input.value = value;
    input.addEventListener('change', () => {
      const next = input.value.trim();
      if (next === '' || next === value) {
        input.value = value;
        return;
      }
      commit(next);
    });
    return h('div', { class: 'field' }, h('label', { class: 'field__label', for: id }, label), input);
  }

  private orderButtons(board: Board, part: Part, id: string, name: string, horizontal: boolean): HTMLElement {
    const move = (delta: -1 | 1, key: MessageKey, focus: string) => {
      const op = moveOp(board, part, id, delta);
      const b = this.button(t(key, { name }), focus, () => {
        if (op) this.actions.submit(op);
      }, 'button button--quiet');
      b.disabled = op === null;
      return b;
    };
    const remove = this.button(t('structure.delete', { name }), `del-${id}`, () => {
      const problem = deleteProblem(board, part, id);
      if (problem) return this.actions.notify(t(`structure.${problem}`));
      this.actions.submit(deleteOp(part, id));
    }, 'button button--quiet');
    return h('div', { class: 'structure__order' },
      move(-1, horizontal ? 'structure.left' : 'structure.up', `up-${id}`),
      move(1, horizontal ? 'structure.right' : 'structure.down', `down-${id}`),
      remove);
  }

  private workshopActions(): HTMLElement {
    const save = this.button(t('structure.saveTemplate'), 'save-template', () => void this.saveTemplate());
    const ask = (what: 'delete' | 'newKey') => {
      this.confirming = what;
      this.signature = '';
      this.render();
      this.el.querySelector<HTMLButtonElement>(`[data-focus="${what}-cancel"]`)?.focus();
    };
    const newKey = this.button(t('structure.newKey'), 'new-key', () => ask('newKey'));
    const del = this.button(t('structure.deleteWorkshop'), 'delete-workshop', () => ask('delete'), 'button button--danger');
    const box = h('div', { class: 'structure__workshop' }, save, newKey, del);
    if (this.confirming) {
      const what = this.confirming;
      const texts =
        what === 'delete'
          ? { title: t('structure.deleteWorkshop'), warning: t('structure.deleteWarning'), yes: t('structure.deleteConfirm'), no: t('structure.deleteCancel') }
          : { title: t('structure.newKey'), warning: this.newKeyWarning(), yes: t('structure.newKeyConfirm'), no: t('structure.newKeyCancel') };
      const confirm = this.button(texts.yes, `${what}-confirm`, () => void (what === 'delete' ? this.deleteNow() : this.replaceKeyNow()),
        what === 'delete' ? 'button button--danger' : 'button');
      const cancel = this.button(texts.no, `${what}-cancel`, () => {
        this.confirming = null;
        this.signature = '';
        this.render();
        this.el.querySelector<HTMLButtonElement>(`[data-focus="${what === 'delete' ? 'delete-workshop' : 'new-key'}"]`)?.focus();
      });
      confirm.disabled = this.busy;
      box.append(h('div', { class: 'structure__confirm', role: 'alertdialog', 'aria-label': texts.title },
        h('p', null, texts.warning), confirm, cancel));
    }
    return box;
  }

  private async saveTemplate(): Promise<void> {
    const result = await fetchStructure(this.workshopId, this.credential());
    if (!result.ok) return this.actions.notify(t('structure.saveFailed'));
    const name = templateFileName(result.value.title);
    const url = URL.createObjectURL(new Blob([JSON.stringify(result.value, null, 2)], { type: 'application/json' }));
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.actions.notify(t('structure.saved', { name }));
  }

  /** Who stays facilitator whatever the key: a leaked link may have made someone one already. */
  private newKeyWarning(): string {
    const others = this.actions.otherFacilitators();
    const warning = t('structure.newKeyWarning');
    return others.length === 0 ? warning : `${warning} ${t('structure.newKeyOthers', { names: others.join(', ') })}`;
  }

  /** Runs one request with the confirm button disabled; null if one is already running. */
  private async busyWith<T>(request: () => Promise<T>): Promise<T | null> {
    if (this.busy) return null;
    this.busy = true;
    this.render();
    try {
      return await request();
    } finally {
      this.busy = false;
      this.signature = '';
      this.render();
    }
  }

  private async replaceKeyNow(): Promise<void> {
    const result = await this.busyWith(() => replaceFacilitatorKey(this.workshopId, this.credential()));
    if (!result) return;
    this.confirming = null;
    this.signature = '';
    this.render();
    // The confirm step is gone either way: focus goes back to the button that opened it.
    this.el.querySelector<HTMLButtonElement>('[data-focus="new-key"]')?.focus();
    if (!result.ok) return this.actions.notify(t('structure.newKeyFailed'));
    this.actions.keyReplaced(result.value.facilitatorKey);
    this.actions.notify(t('structure.newKeyDone'));
  }

  private async deleteNow(): Promise<void> {
    const result = await this.busyWith(() => deleteWorkshop(this.workshopId, this.credential()));
    if (!result) return;
    if (!result.ok && result.status !== 404) {
      this.render();
      return this.actions.notify(t('structure.deleteFailed'));
    }
    this.confirming = null;
    this.el.close();
    this.actions.deleted();
  }

  private button(label: string, focus: string, onClick: () => void, cls = 'button'): HTMLButtonElement {
    const b = h('button', { type: 'button', class: cls, 'data-focus': focus }, label);
    b.addEventListener('click', onClick);
    return b;
  }
}
