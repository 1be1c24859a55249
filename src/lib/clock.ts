/** Where "now" comes from, so schedules and expiries can be tested without waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved (tests, and the end-to-end scheduling check). */
export class ManualClock implements Clock {
  private time: number;
  constructor(start: Date = new Date()) {
    this.time = start.getTime();
  }
  now(): Date {
    return new Date(this.time);
  }
  advance(ms: number): void {
    this.time += ms;
  }
}
