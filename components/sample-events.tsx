import { CodeBlock } from "@/components/code-block";
import type { SampleEvent, Samples } from "@/lib/content/schema";

const KINDS = [
  {
    key: "true_positives",
    label: "True positive",
    intro: "The attack: the Sigma rule matches each of these.",
    badge: "bg-red-50 text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
  },
  {
    key: "benign",
    label: "Benign look-alike",
    intro: "Legitimate activity that looks similar: the rule stays quiet on each of these.",
    badge:
      "bg-emerald-50 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800",
  },
] as const;

function EventCard({ event, label, badge }: { event: SampleEvent; label: string; badge: string }) {
  return (
    <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="sample-event">
      <div className="flex flex-wrap items-center gap-2">
        <span
          className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${badge}`}
        >
          {label}
        </span>
        <h4 className="font-medium">{event.name}</h4>
      </div>
      <p className="mt-1 text-sm leading-relaxed text-slate-700 dark:text-slate-300">{event.description}</p>
      <CodeBlock code={JSON.stringify(event.event, null, 2)} language="json" label="Event (JSON)" />
    </li>
  );
}

/** samples.yml: the events that prove the Sigma rule, each labelled by what it is (not by colour alone). */
export function SampleEvents({ samples }: { samples: Samples }) {
  return (
    <div className="space-y-6" data-testid="samples">
      {KINDS.map((kind) => (
        <div key={kind.key}>
          <h3 className="font-semibold">
            {kind.label} events ({samples[kind.key].length})
          </h3>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{kind.intro}</p>
          <ul className="mt-3 space-y-4">
            {samples[kind.key].map((event) => (
              <EventCard key={event.name} event={event} label={kind.label} badge={kind.badge} />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
