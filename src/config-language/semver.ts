/**
 * Just enough semver to ask "can this npm range resolve to a version inside [introduced, fixed)?" — exact versions,
 * `^`, `~`, `>=`/`>`/`<=`/`<`/`=`, x-ranges (`1.x`, `1.2`, `*`), hyphen ranges and `||`. Prerelease tags are
 * ignored (1.26.0-beta counts as 1.26.0). Dist-tags, URLs and paths are not ranges: the caller skips them.
 */
type Version = [number, number, number];
interface Interval {
  lo: Version;
  loInc: boolean;
  hi: Version | null;
  hiInc: boolean;
}

const PARTIAL = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function cmp(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Order two full versions (`1.2.3`); unparsable ones sort first. */
export function compareVersions(a: string, b: string): number {
  return cmp(parseVersion(a) ?? [0, 0, 0], parseVersion(b) ?? [0, 0, 0]);
}

function parseVersion(text: string): Version | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** A partial version: its numbers and how many of them were given (0 = `*`). */
function partial(text: string): { v: Version; given: number } | null {
  const m = PARTIAL.exec(text);
  if (!m) return null;
  const parts = [m[1], m[2], m[3]];
  let given = 0;
  while (given < 3 && parts[given] !== undefined && /^\d+$/.test(parts[given]!)) given++;
  return { v: [0, 1, 2].map((i) => (i < given ? Number(parts[i]) : 0)) as Version, given };
}

/** The first version above everything matching a partial (`1.2` -> 1.3.0); null for `*`. */
function bump({ v, given }: { v: Version; given: number }): Version | null {
  if (given === 0) return null;
  if (given === 1) return [v[0] + 1, 0, 0];
  if (given === 2) return [v[0], v[1] + 1, 0];
  return [v[0], v[1], v[2] + 1];
}

const ALL: Interval = { lo: [0, 0, 0], loInc: true, hi: null, hiInc: false };

function comparator(token: string): Interval | null {
  const m = /^(>=|<=|>|<|=|\^|~>?)?(.*)$/.exec(token)!;
  const op = m[1] ?? '';
  const p = partial(m[2]);
  if (!p) return null;
  const { v, given } = p;
  const next = bump(p);
  switch (op) {
    case '':
    case '=':
      return given === 0 ? ALL : { lo: v, loInc: true, hi: given === 3 ? v : next, hiInc: given === 3 };
    case '>=':
      return { lo: v, loInc: true, hi: null, hiInc: false };
    case '>':
      return given === 3 ? { lo: v, loInc: false, hi: null, hiInc: false } : next ? { lo: next, loInc: true, hi: null, hiInc: false } : null;
    case '<':
      return { lo: [0, 0, 0], loInc: true, hi: v, hiInc: false };
    case '<=':
      return given === 3 ? { lo: [0, 0, 0], loInc: true, hi: v, hiInc: true } : { lo: [0, 0, 0], loInc: true, hi: next, hiInc: false };
    case '^': {
      if (given === 0) return ALL;
      const hi: Version =
        v[0] > 0 || given === 1 ? [v[0] + 1, 0, 0] : v[1] > 0 || given === 2 ? [0, v[1] + 1, 0] : [0, 0, v[2] + 1];
      return { lo: v, loInc: true, hi, hiInc: false };
    }
    default: // ~ and ~>
      return given === 0 ? ALL : { lo: v, loInc: true, hi: given === 1 ? [v[0] + 1, 0, 0] : [v[0], v[1] + 1, 0], hiInc: false };
  }
}

function intersect(a: Interval, b: Interval): Interval {
  const c = cmp(a.lo, b.lo);
  const lo = c > 0 ? a : c < 0 ? b : { lo: a.lo, loInc: a.loInc && b.loInc };
  let hi: Pick<Interval, 'hi' | 'hiInc'>;
  if (!a.hi) hi = b;
  else if (!b.hi) hi = a;
  else {
    const d = cmp(a.hi, b.hi);
    hi = d < 0 ? a : d > 0 ? b : { hi: a.hi, hiInc: a.hiInc && b.hiInc };
  }
  return { lo: lo.lo, loInc: lo.loInc, hi: hi.hi, hiInc: hi.hiInc };
}

function isEmpty(i: Interval): boolean {
  if (!i.hi) return false;
  const c = cmp(i.lo, i.hi);
  return c > 0 || (c === 0 && !(i.loInc && i.hiInc));
}

/** The intervals a range admits; null when `range` is not a semver range (a dist-tag, URL, path, alias). */
function parseRange(range: string): Interval[] | null {
  const sets: Interval[] = [];
  for (const raw of range.split('||')) {
    const set = raw.trim().replace(/(>=|<=|>|<|=|\^|~>?)\s+/g, '$1');
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(set);
    const tokens = hyphen ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`] : set === '' ? ['*'] : set.split(/\s+/);
    let acc: Interval = ALL;
    for (const t of tokens) {
      const c = comparator(t);
      if (!c) return null;
      acc = intersect(acc, c);
    }
    sets.push(acc);
  }
  return sets;
}

/** Can `range` resolve to a version v with introduced <= v < fixed? Null when `range` is not a semver range. */
export function rangeAdmits(range: string, fixed: string, introduced = '0.0.0'): boolean | null {
  const sets = parseRange(range);
  const lo = parseVersion(introduced);
  const hi = parseVersion(fixed);
  if (!sets || !lo || !hi) return null;
  const affected: Interval = { lo, loInc: true, hi, hiInc: false };
  return sets.some((s) => !isEmpty(intersect(s, affected)));
}
