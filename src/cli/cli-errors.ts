/** A mistake in how the command was called: its message is printed and the exit code is 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}
