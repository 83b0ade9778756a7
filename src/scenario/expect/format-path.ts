// Writes a summary path back as text: `services.web.latencyMs.p95`, with a key that is not
// a plain name quoted in brackets (`services["a.b"]`). No name the summary holds needs them
// today: service and capacity provider names keep to ECS's letters, digits, "_" and "-".

const PLAIN_KEY = /^[A-Za-z0-9_:-]+$/;

export function formatPath(path: readonly string[]): string {
  let out = '';
  for (const key of path) {
    if (PLAIN_KEY.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}
