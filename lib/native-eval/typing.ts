// Gives sample events the column types their table declares before a KQL evaluation: datetime
// columns become dates, and string columns the event leaves out are "" because Kusto strings are
// never null (https://learn.microsoft.com/en-us/kusto/query/scalar-data-types/null-values).
import type { KustoTable } from "@/lib/verify/kusto/tables";
import type { PlatformEvent } from "@/lib/native-eval/types";

export function typeKustoEvent(event: PlatformEvent, table: KustoTable | undefined): PlatformEvent {
  if (!table) return event;
  const typed: PlatformEvent = { ...event };
  for (const [column, type] of Object.entries(table.columns)) {
    const value = typed[column];
    if (value === undefined) typed[column] = type === "string" ? "" : null;
    else if (type === "datetime" && typeof value === "string") typed[column] = new Date(value);
    else if (type === "dynamic" && typeof value === "string" && /^[[{]/.test(value.trim())) {
      try {
        typed[column] = JSON.parse(value);
      } catch {
        // A dynamic column holding text that is not JSON stays a string, as Kusto keeps it.
      }
    }
  }
  return typed;
}
