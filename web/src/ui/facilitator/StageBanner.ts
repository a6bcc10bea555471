// What everyone sees above the board: the current stage and its instruction, the countdown,
// and the states that limit what a participant can do (locked, private writing), plus the
// participant's own choices (follow the facilitator, timer sound).

import type { FacilitationDoc, Role } from '../../protocol/types';
import { currentStage } from '../../model/facilitation';
import { t, tCount } from '../../i18n/i18n';
import { h, uid } from '../dom';
import { CountdownView, type CountdownHooks } from './CountdownView';
import { setTimerMuted, timerMuted } from './tone';

export interface BannerHooks extends CountdownHooks {
  followEnabled(): boolean;
  setFollow(on: boolean): void;
}

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Owns the stage banner. */
export class StageBanner {
  readonly el: HTMLElement;
  readonly countdown: CountdownView;
  private readonly stepEl: HTMLElement;
  private readonly titleEl: HTMLElement;
  private readonly instructionEl: HTMLElement;
  private readonly lockEl: HTMLElement;
  private readonly privateEl: HTMLElement;
  private readonly followNote: HTMLElement;
  private readonly followBox: HTMLInputElement;
  private readonly followLabel: HTMLElement;
  private readonly followWrap: HTMLElement;
  private readonly muteBox: HTMLInputElement;
  private readonly muteLabel: HTMLElement;
  private readonly titleId = uid('stage-title');
  /** Where the facilitator's step and timer buttons go (PresenterBar), beside what they change. */
  readonly stageSlot = h('div', { class: 'stage-banner__controls' });
  readonly timerSlot = h('div', { class: 'stage-banner__controls' });

  constructor(private readonly hooks: BannerHooks) {
    this.countdown = new CountdownView(hooks);
    this.stepEl = h('p', { class: 'stage-banner__step' });
    this.titleEl = h('h2', { class: 'stage-banner__title', id: this.titleId, 'data-testid': 'stage-title' });
    this.instructionEl = h('p', { class: 'stage-banner__instruction', 'data-testid': 'stage-instruction' });
    this.lockEl = h('p', { class: 'stage-banner__state stage-banner__state--locked', 'data-testid': 'locked-banner', hidden: true });
    this.privateEl = h('p', { class: 'stage-banner__state', 'data-testid': 'private-banner', hidden: true });
    this.followNote = h('p', { class: 'stage-banner__follow', hidden: true });
    const followId = uid('follow');
    this.followBox = h('input', { type: 'checkbox', id: followId, 'data-testid': 'follow-toggle' });
    this.followBox.addEventListener('change', () => hooks.setFollow(this.followBox.checked));
    this.followLabel = h('label', { for: followId });
    this.followWrap = h('span', { class: 'check' }, this.followBox, this.followLabel);
    const muteId = uid('mute');
    this.muteBox = h('input', { type: 'checkbox', id: muteId });
    this.muteBox.addEventListener('change', () => setTimerMuted(this.muteBox.checked));
    this.muteLabel = h('label', { for: muteId });
    this.el = h(
      'section',
      { class: 'stage-banner', 'aria-labelledby': this.titleId, 'data-testid': 'stage-banner' },
      h('div', { class: 'stage-banner__text' }, h('div', { class: 'stage-banner__stepline' }, this.stepEl, this.stageSlot), this.titleEl, this.instructionEl),
      h('div', { class: 'stage-banner__side' }, this.countdown.el, this.timerSlot, h('span', { class: 'check' }, this.muteBox, this.muteLabel)),
      h('div', { class: 'stage-banner__states' }, this.lockEl, this.privateEl, this.followNote, this.followWrap),
    );
    this.relabel();
  }

  relabel(): void {
    this.countdown.relabel();
    setText(this.followLabel, t('follow.optIn'));
    setText(this.muteLabel, t('timer.mute'));
  }

  update(f: FacilitationDoc, role: Role | undefined, followWhere: string | null): void {
    const stage = currentStage(f);
    const index = f.stages.findIndex((s) => s.id === f.stageId);
    setText(this.stepEl, t('stage.step', { index: index + 1, count: f.stages.length }));
    setText(this.titleEl, stage?.title ?? '');
    setText(this.instructionEl, stage?.instruction ?? '');
    this.instructionEl.hidden = !stage?.instruction;
    this.countdown.update(f.timer);
    this.muteBox.checked = timerMuted();

    this.lockEl.hidden = !f.locked;
    setText(this.lockEl, role === 'facilitator' ? t('lock.bannerFacilitator') : t('lock.banner'));
    this.privateEl.hidden = !f.privateWriting;
    setText(this.privateEl, `${t('private.banner')} ${tCount('private.count', f.privateCount)}`);

    this.followNote.hidden = followWhere === null;
    setText(this.followNote, followWhere === null ? '' : t('follow.active', { where: followWhere }));
    // Only participants follow; the opt-out is theirs.
    this.followWrap.hidden = role !== 'participant' || f.focus === null;
    this.followBox.checked = this.hooks.followEnabled();
  }

  dispose(): void {
    this.countdown.dispose();
  }
}
