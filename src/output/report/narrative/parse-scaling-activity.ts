// Reads a `scaling-activity` row of events.csv back into numbers: the capacity before and
// after and the cause, for a service ("desired count 3 -> 6: <cause>"), a group's own target
// tracking ("desired capacity 2 -> 4: <cause>") or a capacity
// provider's Auto Scaling group ("desired 2 -> 3 (<cause>)").

export interface ScalingActivity {
  timeS: number;
  subject: string;
  from: number;
  to: number;
  direction: 'out' | 'in';
  cause: string;
}

const PATTERN = /^desired(?: count| capacity)? (\d+) -> (\d+)(?::\s*|\s*\(\s*)?(.*?)\)?$/;

export function parseScalingActivity(timeS: number, subject: string, message: string): ScalingActivity | null {
  const m = PATTERN.exec(message.trim());
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (from === to) return null;
  return { timeS, subject, from, to, direction: to > from ? 'out' : 'in', cause: m[3] };
}
