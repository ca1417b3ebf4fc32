const DAY = 24 * 60;

export default class Clock {
  constructor(hours = 0, minutes = 0) {
    const total = (((hours * 60 + minutes) % DAY) + DAY) % DAY;
    this.hours = Math.floor(total / 60);
    this.minutes = total % 60;
  }

  toString() {
    return `${String(this.hours).padStart(2, '0')}:${String(this.minutes).padStart(2, '0')}`;
  }

  plus(minutes) {
    return new Clock(this.hours, this.minutes + minutes);
  }

  minus(minutes) {
    return this.plus(-minutes);
  }

  equals(other) {
    return this.hours === other.hours && this.minutes === other.minutes;
  }
}

export function at(hours, minutes) {
  return new Clock(hours, minutes);
}
