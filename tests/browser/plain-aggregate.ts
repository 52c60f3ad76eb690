// The benchmark's yardstick: the map's aggregation written as a plain JavaScript loop, run in the page on
// the same cells the app reads (the unit totals without a service or channel, the cells by service and
// channel with one). It does the work `adal_core::aggregate::region_figures` does for a visit metric: for
// the period and the one before it, a pass over every cell summing the sufficient statistics per unit
// (counted, straddling the period, or of an unpublished service or channel), the estimate and its 95 %
// interval (Wilson, the mean of the index, the median of the waits from their histogram), the change,
// the ranks and 1,000 simulated draws for the rank intervals. Both functions run inside the page
// (`page.evaluate`), so each is self-contained.

type Columns = Record<string, unknown[]>;

/** Fetches the bundle's files and keeps its cells in typed arrays on `window.__plain`, as the app keeps
 *  them parsed: what is timed later is the aggregation only. */
export async function preparePlain(base: string): Promise<number> {
  const get = async (f: string) => (await (await fetch(`${base}${f}`)).json()) as { columns: Columns; rows: number };
  const manifest = (await (await fetch(`${base}manifest.json`)).json()) as {
    period: { from: string; to: string };
    regions: { code: string }[];
  };
  const month = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
  const span = (label: string): [number, number] => {
    const year = Number(label.slice(0, 4)) * 12;
    if (label.length === 4) return [year, year + 11];
    if (label[5] === 'Q') {
      const q = Number(label[6]) - 1;
      return [year + 3 * q, year + 3 * q + 2];
    }
    const m = month(label);
    return [m, m];
  };
  const units = new Map(manifest.regions.map((r, i) => [r.code, i]));
  const cells = (file: { columns: Columns; rows: number }) => {
    const c = file.columns;
    const n = file.rows;
    const out = {
      n,
      unit: new Int32Array(n),
      first: new Int32Array(n),
      last: new Int32Array(n),
      service: c.service as (string | null)[],
      channel: c.channel as (string | null)[],
      visits: Float64Array.from(c.visits as number[]),
      indexN: Float64Array.from(c.index_n as number[]),
      indexSum: Float64Array.from(c.index_sum as number[]),
      indexSumSq: Float64Array.from(c.index_sum_sq as number[]),
      yes: {
        informal_payment_share: Float64Array.from(c.informal_payment_yes as number[]),
        intermediary_share: Float64Array.from(c.intermediary_yes as number[]),
        completion_share: Float64Array.from(c.completed_yes as number[]),
      } as Record<string, Float64Array>,
      answered: {
        informal_payment_share: Float64Array.from(c.informal_payment_answered as number[]),
        intermediary_share: Float64Array.from(c.intermediary_answered as number[]),
        completion_share: Float64Array.from(c.completed_answered as number[]),
      } as Record<string, Float64Array>,
      // The waits as (minutes, visits) pairs, the gaps summed (each cell's numbers are one string).
      waits: (c.waits as string[]).map((text) => {
        const w = text === '' ? [] : text.split(' ').map(Number);
        const pairs = new Float64Array(w.length);
        let minutes = 0;
        for (let i = 0; i < w.length; i += 2) {
          minutes += w[i];
          pairs[i] = minutes;
          pairs[i + 1] = w[i + 1];
        }
        return pairs;
      }),
    };
    for (let i = 0; i < n; i++) {
      out.unit[i] = units.get(c.region[i] as string) ?? -1;
      [out.first[i], out.last[i]] = span(c.month[i] as string);
    }
    return out;
  };
  const totals = cells(await get('audits.json'));
  const detail = cells(await get('audits-detail.json'));
  (window as unknown as { __plain: unknown }).__plain = {
    totals,
    detail,
    units: manifest.regions.length,
    bounds: [month(manifest.period.from), month(manifest.period.to)],
  };
  return totals.n + detail.n;
}

/** The figures of `metric` for every unit over `from`–`to` (`YYYY-MM`), by `service` and `channel` ('' for
 *  all), with the period before, ranks and rank intervals; returns the milliseconds it took and the
 *  number of units with a value. */
export function plainAggregate([metric, from, to, service, channel]: string[]): { ms: number; units: number } {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const data = (window as any).__plain;
  const start = performance.now();
  const month = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
  const Z = 1.959963984540054;
  const cells = service || channel ? data.detail : data.totals;
  const [lo, hi] = data.bounds;
  const units: number = data.units;
  const higherBetter = metric === 'quality_index' || metric === 'completion_share';

  const figures = (pFrom: number, pTo: number) => {
    const visits = new Float64Array(units + 1);
    const uncounted = new Float64Array(units + 1);
    const unseen = new Float64Array(units + 1);
    const a = new Float64Array(units + 1);
    const b = new Float64Array(units + 1);
    const c = new Float64Array(units + 1);
    const waits: number[][] = Array.from({ length: units + 1 }, () => []);
    for (let i = 0; i < cells.n; i++) {
      const u = cells.unit[i];
      if (u < 0) continue;
      const first = Math.max(cells.first[i], lo);
      const last = Math.min(cells.last[i], hi);
      if (last < pFrom || first > pTo) continue;
      const inside = first >= pFrom && last <= pTo;
      const s = cells.service[i];
      const ch = cells.channel[i];
      if ((service && s !== service) || (channel && ch !== channel)) {
        if (inside && ((service && s === null) || (channel && ch === null))) unseen[u] += cells.visits[i];
        continue;
      }
      if (!inside) {
        uncounted[u] += cells.visits[i];
        continue;
      }
      visits[u] += cells.visits[i];
      if (metric === 'quality_index') {
        a[u] += cells.indexN[i];
        b[u] += cells.indexSum[i];
        c[u] += cells.indexSumSq[i];
      } else if (metric === 'median_wait') {
        const w = cells.waits[i];
        for (let j = 0; j < w.length; j += 2) waits[u].push(w[j], w[j + 1]);
      } else {
        a[u] += cells.yes[metric][i];
        b[u] += cells.answered[metric][i];
      }
    }
    const out: ({ value: number; low: number; high: number; n: number } | null)[] = [];
    for (let u = 0; u <= units; u++) {
      if (u === units) {
        // The country: every unit's sums.
        for (let v = 0; v < units; v++) {
          a[u] += a[v];
          b[u] += b[v];
          c[u] += c[v];
          visits[u] += visits[v];
          for (const x of waits[v]) waits[u].push(x);
        }
      }
      if (metric === 'quality_index') {
        const n = a[u];
        if (n === 0) {
          out.push(null);
          continue;
        }
        const unit = 5 / 12;
        const value = (unit * b[u]) / n;
        const half = n > 1 ? Z * Math.sqrt((unit * unit * Math.max(0, n * c[u] - b[u] * b[u])) / (n * (n - 1)) / n) : 0;
        out.push({ value, low: value - half, high: value + half, n });
      } else if (metric === 'median_wait') {
        const pairs: [number, number][] = [];
        const w = waits[u];
        for (let j = 0; j < w.length; j += 2) pairs.push([w[j], w[j + 1]]);
        pairs.sort((x, y) => x[0] - y[0]);
        let n = 0;
        for (const [, k] of pairs) n += k;
        if (n === 0) {
          out.push(null);
          continue;
        }
        const at = (rank: number) => {
          let seen = 0;
          for (const [m, k] of pairs) {
            seen += k;
            if (seen >= rank) return m;
          }
          return pairs[pairs.length - 1][0];
        };
        const value = n % 2 ? at(Math.floor(n / 2) + 1) : (at(n / 2) + at(n / 2 + 1)) / 2;
        const spread = (Z * Math.sqrt(n)) / 2;
        const low = Math.min(Math.max(Math.floor(n / 2 - spread), 1), n);
        const high = Math.min(Math.max(Math.ceil(n / 2 + spread) + 1, 1), n);
        out.push({ value, low: Math.min(at(low), value), high: Math.max(at(high), value), n });
      } else {
        const k = a[u];
        const n = b[u];
        if (n === 0) {
          out.push(null);
          continue;
        }
        const p = k / n;
        const z2 = Z * Z;
        const d = 1 + z2 / n;
        const centre = (p + z2 / (2 * n)) / d;
        const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / d;
        out.push({ value: p, low: Math.min(Math.max(centre - half, 0), p), high: Math.max(Math.min(centre + half, 1), p) , n });
      }
    }
    return out;
  };

  const pFrom = month(from);
  const pTo = month(to);
  const now = figures(pFrom, pTo);
  const len = pTo - pFrom + 1;
  const change: (number | null)[] = new Array(units).fill(null);
  if (pFrom - len >= lo) {
    const before = figures(pFrom - len, pFrom - 1);
    for (let u = 0; u < units; u++) {
      const x = now[u];
      const y = before[u];
      change[u] = x && y ? x.value - y.value : null;
    }
  }
  // Ranks, then the rank intervals from 1,000 draws of each value within its interval.
  const present = now.slice(0, units).map((f, u) => [u, f] as const).filter(([, f]) => f !== null) as [number, { value: number; low: number; high: number }][];
  const order = [...present].sort((x, y) => (higherBetter ? y[1].value - x[1].value : x[1].value - y[1].value));
  const rank = new Int32Array(units);
  order.forEach(([u], r) => (rank[u] = r + 1));
  let seed = 0x41444c52;
  const uniform = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const spreads = present.map(([, f]) => [f.value, Math.max((f.value - f.low) / Z, 0), Math.max((f.high - f.value) / Z, 0)]);
  const drawn = present.map(() => new Uint16Array(1000));
  const draw: [number, number][] = present.map(() => [0, 0]);
  for (let d = 0; d < 1000; d++) {
    for (let s = 0; s < spreads.length; s++) {
      const z = (uniform() + uniform() + uniform() + uniform() - 2) * Math.sqrt(3);
      draw[s][0] = spreads[s][0] + z * (z < 0 ? spreads[s][1] : spreads[s][2]);
      draw[s][1] = s;
    }
    draw.sort((x, y) => (higherBetter ? y[0] - x[0] : x[0] - y[0]));
    draw.forEach(([, s], r) => (drawn[s][d] = r + 1));
  }
  const intervals = drawn.map((r) => {
    r.sort();
    return [r[Math.round(999 * 0.025)], r[Math.round(999 * 0.975)]];
  });
  const ms = performance.now() - start;
  // What was worked out is used, so that no engine may skip it.
  (window as unknown as { __plainLast: unknown }).__plainLast = { now, change, rank, intervals };
  return { ms, units: present.length };
}
