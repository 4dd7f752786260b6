import { Evaluation } from '../src/evaluate';
import { reportText } from '../src/output/report';

/**
 * Thrown by `deploy` when the design has unsuppressed error findings, before any resource is
 * declared. Its message is exactly what `aifactory check` prints (the summary, then one line
 * per finding); the evaluation is attached for programs that want the findings themselves.
 */
export class DesignFindingsError extends Error {
  readonly evaluation: Evaluation;

  constructor(evaluation: Evaluation) {
    super(reportText(evaluation));
    this.name = 'DesignFindingsError';
    this.evaluation = evaluation;
  }
}
