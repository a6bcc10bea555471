// The glue between the board screen and the closing poll: the form above the board (everyone,
// while the poll is open or once answered), the facilitator's section of
// the "Begeleiden" panel, and what is said aloud: the poll opening and closing (to everyone,
// rate-limited like other session changes) and, for facilitators, each new answer (rate-limited
// like others' changes, so a room answering at once becomes one message).

import type { Board } from '../../model/board';
import type { Operation, Role } from '../../protocol/types';
import { t } from '../../i18n/i18n';
import type { Announcer } from '../Announcer';
import { EvaluationForm } from './EvaluationForm';
import { EvaluationResults } from './EvaluationResults';
import './evaluation.css';

export interface EvaluationHost {
  submit(op: Operation): void;
  announcer: Announcer;
}

/** Owns the poll form and the facilitator's results section. */
export class EvaluationController {
  readonly form: EvaluationForm;
  readonly results: EvaluationResults;
  private last: { open: boolean; count: number } | null = null;

  constructor(private readonly host: EvaluationHost) {
    this.form = new EvaluationForm({ submit: (op) => host.submit(op), announce: (text) => host.announcer.now(text) });
    this.results = new EvaluationResults((op) => host.submit(op));
  }

  update(board: Board, role: Role | undefined): void {
    this.form.update(board, role);
    if (role === 'facilitator') this.results.update(board);
    this.announce(board, role);
  }

  private announce(board: Board, role: Role | undefined): void {
    const ev = board.evaluation;
    const before = this.last;
    this.last = { open: ev.open, count: ev.count };
    if (!before || role === undefined || role === 'screen') return;
    if (before.open !== ev.open) this.host.announcer.sessionChange(t(ev.open ? 'evaluation.nowOpen' : 'evaluation.nowClosed'));
    if (role === 'facilitator' && ev.count > before.count) this.host.announcer.remoteChange(t('evaluation.newAnswer', { count: ev.count }));
  }

  /** Whether the board should stay quiet about `op` (this controller speaks for it). */
  announcesItself(op: Operation): boolean {
    return op.kind === 'evaluation.open' || op.kind === 'evaluation.submit' || op.kind === 'evaluation.show';
  }

  relabel(): void {
    this.form.relabel();
    this.results.relabel();
  }
}
