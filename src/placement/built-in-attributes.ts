// The attributes ECS sets on every container instance itself ("Built-in attributes",
// AmazonECS/latest/developerguide/task-placement-constraints.html): ecs.ami-id,
// ecs.availability-zone, ecs.instance-type, ecs.os-type, ecs.os-family, ecs.cpu-architecture,
// ecs.vpc-id and ecs.subnet-id. ecsim gives its instances the first six (sim/cluster.ts
// attributesFor); it models no VPC or subnet, so a constraint or spread on the last two is
// refused rather than left to match no instance.

/** Built-in attributes every ecsim instance has. */
export const BUILT_IN_ATTRIBUTES: readonly string[] = [
  'ecs.instance-type',
  'ecs.availability-zone',
  'ecs.cpu-architecture',
  'ecs.os-type',
  'ecs.os-family',
  'ecs.ami-id',
];

/** ecs.os-family of a Linux instance (ecsim models Linux instances only). */
export const LINUX_OS_FAMILY = 'LINUX';

/** Built-in attributes ECS sets that ecsim has no value for. */
export const UNMODELLED_BUILT_IN_ATTRIBUTES: readonly string[] = ['ecs.vpc-id', 'ecs.subnet-id'];

/** The one-line reason an attribute name is refused (`where`: e.g. " at position 3"), or undefined. */
export function unmodelledAttributeProblem(name: string, where = ''): string | undefined {
  if (!UNMODELLED_BUILT_IN_ATTRIBUTES.includes(name)) return undefined;
  return `expected an attribute ecsim models (ecs.availability-zone, ecs.instance-type, ecs.cpu-architecture, ecs.os-type, ecs.os-family, ecs.ami-id or a custom attribute: autoScalingGroup.attributes), found attribute:${name}${where}, a built-in ECS attribute that ecsim does not model (it has no VPCs or subnets, so no instance would have a value)`;
}

/**
 * The attributes a container instance of type `type` launched in `az` by an Auto Scaling
 * group registers with: the built-in ones and the group's own `attributes` (ecsim has no
 * PutAttributes). One definition for the simulation (sim/cluster.ts) and the loader's
 * warnings, which ask what the instances a group can launch would have.
 */
export function instanceAttributes(
  type: { name: string; cpuArchitecture: string },
  az: string,
  group: { osType: string; amiId: string; attributes: Readonly<Record<string, string>> },
): Record<string, string> {
  return {
    'ecs.instance-type': type.name,
    'ecs.availability-zone': az,
    'ecs.cpu-architecture': type.cpuArchitecture,
    'ecs.os-type': group.osType,
    'ecs.os-family': LINUX_OS_FAMILY,
    'ecs.ami-id': group.amiId,
    ...group.attributes,
  };
}
