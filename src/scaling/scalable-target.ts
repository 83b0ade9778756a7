// The Application Auto Scaling scalable target of an ECS service
// (ecs:service:DesiredCount, bounded by minCapacity and maxCapacity).

export interface ScalableTarget {
  /** The service's desired count: the "current capacity" every policy computes from. */
  desiredCount: number;
  minCapacity: number;
  maxCapacity: number;
}

/** Throws a plain Error unless 0 <= minCapacity <= maxCapacity, whole numbers. */
export function validateCapacityBounds(minCapacity: number, maxCapacity: number, where = 'autoScaling'): void {
  if (!(Number.isInteger(minCapacity) && minCapacity >= 0)) {
    throw new Error(`${where}.minCapacity: expected a whole number >= 0, found ${minCapacity}`);
  }
  if (!(Number.isInteger(maxCapacity) && maxCapacity >= 0)) {
    throw new Error(`${where}.maxCapacity: expected a whole number >= 0, found ${maxCapacity}`);
  }
  if (minCapacity > maxCapacity) {
    throw new Error(`${where}: expected minCapacity <= maxCapacity, found minCapacity ${minCapacity} > maxCapacity ${maxCapacity}`);
  }
}

/** `capacity` clamped into [minCapacity, maxCapacity]. */
export function clampCapacity(target: ScalableTarget, capacity: number): number {
  if (capacity < target.minCapacity) return target.minCapacity;
  if (capacity > target.maxCapacity) return target.maxCapacity;
  return capacity;
}

/** "; clamped to maxCapacity 10" when clamping changed `capacity`, else "". */
export function clampNote(target: ScalableTarget, capacity: number): string {
  if (capacity < target.minCapacity) return `; clamped to minCapacity ${target.minCapacity}`;
  if (capacity > target.maxCapacity) return `; clamped to maxCapacity ${target.maxCapacity}`;
  return '';
}
