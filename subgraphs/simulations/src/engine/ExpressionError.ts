/**
 * A mistake in a user's expression. `position` is a 0-based character offset into the source so a
 * client can underline the spot; the message names the position too, for people reading logs.
 */
export class ExpressionError extends Error {
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.name = 'ExpressionError';
    this.position = position;
  }
}
