/** A small seeded generator (mulberry32) so demo files are the same on every machine. */
export class DemoRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` different items (all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, count);
  }

  /** A date in [from, to] as YYYY-MM-DD (both inclusive, UTC calendar days). */
  date(from: string, to: string): string {
    const a = Date.parse(`${from}T00:00:00Z`);
    const b = Date.parse(`${to}T00:00:00Z`);
    const day = 86_400_000;
    return new Date(a + this.int(0, Math.round((b - a) / day)) * day).toISOString().slice(0, 10);
  }

  /** Like date(), moved forward to the next Monday–Friday when it falls on a weekend. */
  workday(from: string, to: string): string {
    const picked = this.date(from, to);
    const weekday = new Date(`${picked}T00:00:00Z`).getUTCDay();
    return weekday === 6 ? addDays(picked, 2) : weekday === 0 ? addDays(picked, 1) : picked;
  }

  /**
   * `parts` whole numbers in [min, max] that add up to exactly `total`
   * (the targets in the notices: 跟岗培训 150 人 split into groups, and so on).
   */
  partition(total: number, parts: number, min: number, max: number): number[] {
    if (parts * min > total || parts * max < total) {
      throw new Error(`cannot split ${total} into ${parts} parts of ${min}..${max}`);
    }
    const result = Array.from({ length: parts }, () => min);
    let left = total - parts * min;
    while (left > 0) {
      const i = this.int(0, parts - 1);
      if (result[i]! < max) {
        result[i]! += 1;
        left--;
      }
    }
    return result;
  }
}

/** YYYY-MM-DD plus `days` calendar days. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to`, both counted (2019-03-04..2019-03-08 is 5). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
