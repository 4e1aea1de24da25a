import 'server-only';

// A small Prometheus registry: counters, gauges (set or read on scrape) and
// histograms, rendered in the text exposition format 0.0.4. Label values come
// from fixed sets (actions, route patterns, outcomes); a cap on series per
// metric keeps a mistake from growing memory without bound.

export type Labels = Record<string, string>;
type Sample = { labels: Labels; value: number };
/** Reads a gauge's samples when scraped; may be async (a store count). */
export type Collect = () => Sample[] | Promise<Sample[]>;

const MAX_SERIES = 1_000;
const COLLECT_TIMEOUT_MS = 2_000;

type Metric = {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  series: Map<
    string,
    { labels: Labels; value: number; buckets?: number[]; sum?: number }
  >;
  buckets?: readonly number[];
  collect?: Collect;
};

export class Registry {
  private readonly metrics = new Map<string, Metric>();

  private define(name: string, help: string, type: Metric['type'], extra = {}): Metric {
    const found = this.metrics.get(name);
    if (found) return found;
    const metric: Metric = { name, help, type, series: new Map(), ...extra };
    this.metrics.set(name, metric);

    return metric;
  }

  private series(metric: Metric, labels: Labels) {
    const key = JSON.stringify(Object.entries(labels).sort());
    let found = metric.series.get(key);
    if (!found && metric.series.size < MAX_SERIES) {
      const buckets = metric.buckets?.map(() => 0);
      found = { labels, value: 0, buckets, sum: 0 };
      metric.series.set(key, found);
    }

    return found;
  }

  counter(name: string, help: string) {
    const metric = this.define(name, help, 'counter');
    return (labels: Labels = {}, by = 1) => {
      const s = this.series(metric, labels);
      if (s) s.value += by;
    };
  }

  gauge(name: string, help: string, collect?: Collect) {
    const metric = this.define(name, help, 'gauge');
    if (collect) metric.collect = collect;
    return (labels: Labels, value: number) => {
      const s = this.series(metric, labels);
      if (s) s.value = value;
    };
  }

  histogram(name: string, help: string, buckets: readonly number[]) {
    const metric = this.define(name, help, 'histogram', { buckets });
    return (labels: Labels, value: number) => {
      const s = this.series(metric, labels);
      if (!s?.buckets) return;
      s.buckets = s.buckets.map((n, i) =>
        value <= (buckets[i] ?? Infinity) ? n + 1 : n,
      );
      s.value += 1;
      s.sum = (s.sum ?? 0) + value;
    };
  }

  async render(): Promise<string> {
    const blocks = await Promise.all([...this.metrics.values()].map(renderMetric));
    return blocks.join('');
  }
}

async function renderMetric(metric: Metric): Promise<string> {
  const head = `# HELP ${metric.name} ${metric.help}\n# TYPE ${metric.name} ${metric.type}\n`;
  const collected = metric.collect ? await collectSafely(metric.collect) : null;
  const samples = collected ?? [...metric.series.values()];
  const lines = samples.flatMap((s) =>
    metric.type === 'histogram'
      ? histogramLines(metric, s)
      : [line(metric.name, s.labels, s.value)],
  );

  return head + lines.join('');
}

function histogramLines(
  metric: Metric,
  s: Sample & { buckets?: number[]; sum?: number },
) {
  const bounds = metric.buckets ?? [];
  const { name } = metric;
  const buckets = bounds.map((le, i) =>
    line(`${name}_bucket`, { ...s.labels, le: String(le) }, s.buckets?.[i] ?? 0),
  );

  return [
    ...buckets,
    line(`${name}_bucket`, { ...s.labels, le: '+Inf' }, s.value),
    line(`${name}_sum`, s.labels, s.sum ?? 0),
    line(`${name}_count`, s.labels, s.value),
  ];
}

async function collectSafely(collect: Collect): Promise<Sample[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Sample[]>((resolve) => {
    timer = setTimeout(() => resolve([]), COLLECT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve(collect()), late]);
  } catch {
    return [];
  } finally {
    clearTimeout(timer);
  }
}

function line(name: string, labels: Labels, value: number): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`);
  const text = Number.isFinite(value) ? String(value) : value > 0 ? '+Inf' : 'NaN';

  return `${name}${pairs.length ? `{${pairs.join(',')}}` : ''} ${text}\n`;
}

function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
