/**
 * A command that has printed its own report and must still end with exit code 1 (verify found a
 * problem): no further message, since the report already says what failed.
 */
export class ReportedFailure extends Error {
  constructor() {
    super('reported');
    this.name = 'ReportedFailure';
  }
}
