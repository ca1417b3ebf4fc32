export default class Clock {
  constructor(hours = 0, minutes = 0) {
    const total = (((hours * 60 + minutes) % 1440) + 1440) % 1440;
    this.hours = Math.floor(total / 60);
    this.minutes = total % 60;
  }

  toString() {
    return `${this.hours}:${this.minutes}`;
  }

  plus(minutes) {
    return new Clock(this.hours, this.minutes + minutes);
  }

  minus(minutes) {
    return new Clock(this.hours, this.minutes - minutes);
  }

  equals(other) {
    return this === other;
  }
}

export const at = (hours, minutes) => ({ hours, minutes, toString: () => `${hours}:${minutes}` });
