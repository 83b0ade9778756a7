// How long ECS keeps quiet about an unchanged service event: it omits a repeat "until either
// the cause is resolved or six hours passes" (service-event-messages.html). The simulator
// logs by it; the report reads events.csv by it.

export const SERVICE_EVENT_REPEAT_MS = 6 * 3_600_000;
