/**
 * Prints the plain closing line CI reads ("tests: N passed, N failed, N skipped"), since Jest's
 * own summary line ("Tests: 3 passed, 3 total") is not in that form.
 */
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryLineReporter;
