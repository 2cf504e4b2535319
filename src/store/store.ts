import type { Kysely } from "kysely";
import type { AnalysisStore } from "./analyses.js";
import type { BacklogIssueStore } from "./backlog-issues.js";
import type { BaselineStore } from "./baselines.js";
import type { Database, StoreKind } from "./database.js";
import type { DeliveryStore } from "./deliveries.js";
import type { JobStore } from "./jobs.js";
import type { LifecycleStore } from "./lifecycle.js";
import type { NotificationStore } from "./notifications.js";
import type { RequiredToolsStore } from "./required-tools.js";
import type { SuppressionStore } from "./suppressions.js";

/** Guardrail's durable state, on SQLite or PostgreSQL behind the same interface. */
export interface Store {
  kind: StoreKind;
  /** The query layer, for what the repositories below do not cover. */
  db: Kysely<Database>;
  deliveries: DeliveryStore;
  suppressions: SuppressionStore;
  analyses: AnalysisStore;
  baselines: BaselineStore;
  /** The embedded queue (used on SQLite; PostgreSQL deployments may use pg-boss instead). */
  jobs: JobStore;
  /** Chat notifications' outbox (sent once each) and per-webhook pacing. */
  notifications: NotificationStore;
  /** Which GitHub issue holds which backlog tool and rule. */
  backlog: BacklogIssueStore;
  /** `Guardrail · required scanners` per pull request head. */
  requiredTools: RequiredToolsStore;
  /** Each finding's lifecycle, scan coverage and the aggregates /metrics reads. */
  lifecycle: LifecycleStore;
  /** True when the database answers a query (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
