import { Counter, Gauge, Histogram } from "prom-client";
import type { MetricType, Registry } from "prom-client";

/** One exposed series: its labels, value, and for histograms the `_bucket`/`_sum`/`_count` name. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
  metricName?: string;
}

export interface SnapshotDefinition {
  name: string;
  help: string;
  labelNames: string[];
  registers: Registry[];
}

/**
 * prom-client keeps values in process memory; these expose what the last scrape read from the
 * store instead, so every instance behind a load balancer answers the same numbers. State is
 * per metric object (one registry per app), never module-level.
 */
function exposition(def: SnapshotDefinition, kind: string, values: Sample[]) {
  const { name, help } = def;
  // prom-client's typings declare `type` as a numeric enum; at run time it writes the string
  // after `# TYPE`, which is what its own metrics return.
  const type = kind as unknown as MetricType;
  return { name, help, type, aggregator: "sum" as const, collect: () => undefined, values };
}

export class SnapshotCounter extends Counter {
  #samples: Sample[] = [];
  constructor(private readonly def: SnapshotDefinition) {
    super(def);
  }
  replace(samples: Sample[]): void {
    this.#samples = samples;
  }
  override get() {
    return Promise.resolve(exposition(this.def, "counter", this.#samples));
  }
}

export class SnapshotGauge extends Gauge {
  #samples: Sample[] = [];
  constructor(private readonly def: SnapshotDefinition) {
    super(def);
  }
  replace(samples: Sample[]): void {
    this.#samples = samples;
  }
  override get() {
    return Promise.resolve(exposition(this.def, "gauge", this.#samples));
  }
}

export class SnapshotHistogram extends Histogram {
  #samples: Sample[] = [];
  constructor(private readonly def: SnapshotDefinition & { buckets: number[] }) {
    super(def);
  }
  replace(samples: Sample[]): void {
    this.#samples = samples;
  }
  override get() {
    return Promise.resolve(exposition(this.def, "histogram", this.#samples));
  }
  /** The registry prefers this to get() for histograms when writing the text format. */
  getForPromString() {
    return this.get();
  }
}
