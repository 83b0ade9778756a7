// Bad scenarios get one clear line per problem naming the key path (and line), exit 2.

import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, quickstart, QUICKSTART, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, ScenarioError, scenarioWarnings } from '../../src/scenario/index.js';

type Mutation = (s: Record<string, any>) => void;

/** The quickstart's web service as a DAEMON service: no autoScaling, no desiredCount. */
function daemon(s: Record<string, any>): void {
  s.services.web.schedulingStrategy = 'DAEMON';
  delete s.services.web.autoScaling;
  delete s.services.web.desiredCount;
}

const cases: [string, Mutation, RegExp][] = [
  ['unknown task definition', (s) => (s.services.web.taskDefinition = 'wbe'), /services\.web\.taskDefinition: expected a task definition of taskDefinitions \(web\), found "wbe" \(did you mean "web"\?\)$/m],
  ['misspelt key', (s) => ((s.services.web.desiredCont = 3), delete s.services.web.desiredCount), /services\.web\.desiredCont: unknown key "desiredCont" \(did you mean "desiredCount"\?\)/],
  ['bad duration', (s) => (s.duration = '1hour'), /duration: expected a duration like/],
  ['negative count', (s) => (s.services.web.desiredCount = -1), /services\.web\.desiredCount: expected >= 0, found number -1/],
  ['wrong type', (s) => (s.services.web.desiredCount = 'three'), /services\.web\.desiredCount: expected a number, found "three"/],
  ['unknown enum value', (s) => (s.services.web.launchType = 'FARGAT'), /services\.web\.launchType: expected one of EC2 \| FARGATE, found "FARGAT" \(did you mean "FARGATE"\?\)/],
  ['unknown instance type', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.instanceTypes = ['m5.larg']), /instanceTypes\[0\]: unknown instance type "m5.larg".*did you mean "m5.large"/],
  ['malformed memberOf', (s) => (s.services.web.placementConstraints = [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ ' }]), /services\.web\.placementConstraints\[0\]\.expression: .*position 31/],
  ['a memberOf expression over several lines (a YAML block scalar) is quoted on one line', (s) => (s.services.web.placementConstraints = [{ type: 'memberOf', expression: 'attribute:tier == web\nor bogus\n' }]), /services\.web\.placementConstraints\[0\]\.expression: expected a subject \(.*\), found "bogus" at position 25 .* \(in "attribute:tier == web\\nor bogus\\n"\)$/],
  ['cron without ?', (s) => (s.services.web.autoScaling.scheduledActions = { x: { schedule: 'cron(0 8 * * MON-FRI *)', scalableTargetAction: { minCapacity: 4 } } }), /services\.web\.autoScaling\.scheduledActions\.x\.schedule: expected "\?" in exactly one of .* \(in "cron\(0 8 \* \* MON-FRI \*\)"\)$/],
  ['min above max', (s) => (s.services.web.autoScaling.minCapacity = 20), /services\.web\.autoScaling\.minCapacity: expected minCapacity <= maxCapacity 12, found 20$/],
  // one line: desiredCapacity 3 fits no [minSize 4, maxSize 3], and was said too
  ['group minSize above maxSize, said alone', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.minSize = 4), /autoScalingGroup\.minSize: expected minSize <= maxSize 3, found 4$/],
  ['managed scaling steps min above max', (s) => (s.cluster.capacityProviders.ec2.managedScaling = { status: 'ENABLED', minimumScalingStepSize: 5, maximumScalingStepSize: 2 }), /managedScaling\.minimumScalingStepSize: expected minimumScalingStepSize <= maximumScalingStepSize 2, found 5$/],
  ['managed termination protection without managed scaling', (s) => (s.cluster.capacityProviders.ec2.managedTerminationProtection = 'ENABLED'), /ec2\.managedTerminationProtection: expected ENABLED only with managedScaling status ENABLED \(as in ECS, managed termination protection requires managed scaling\), found ENABLED with managedScaling absent$/],
  ['no desiredCount nor autoScaling', (s) => (delete s.services.web.desiredCount, delete s.services.web.autoScaling), /services\.web\.desiredCount: expected desiredCount on a REPLICA service \(or give autoScaling\), found none$/],
  ['cpuPerBusySlot on http', (s) => (s.services.web.workload.perTask.cpuPerBusySlot = 20), /perTask\.cpuPerBusySlot: expected no cpuPerBusySlot on an http workload \(it applies to queue workloads; http tasks use capacityRps and cpuBaseline\), found 20$/],
  ['containers above the task CPU', (s) => (s.taskDefinitions.web.containerDefinitions.app.cpu = 512), /taskDefinitions\.web\.containerDefinitions: expected containers reserving at most the task's 256 CPU units, found 512$/],
  ['launchType with strategy', (s) => (s.services.web.capacityProviderStrategy = [{ capacityProvider: 'ec2', weight: 1 }]), /services\.web\.launchType: expected either launchType or capacityProviderStrategy \(as in ECS\), found both$/],
  ['unknown provider in strategy', (s) => (delete s.services.web.launchType, (s.services.web.capacityProviderStrategy = [{ capacityProvider: 'ec3', weight: 1 }])), /capacityProvider: expected a capacity provider of cluster\.capacityProviders or a built-in one \(ec2, FARGATE, FARGATE_SPOT\), found "ec3" \(did you mean "ec2"\?\)$/m],
  ['base on two providers', (s) => (delete s.services.web.launchType, (s.cluster.capacityProviders.ec2b = s.cluster.capacityProviders.ec2), (s.services.web.capacityProviderStrategy = [{ capacityProvider: 'ec2', base: 1, weight: 1 }, { capacityProvider: 'ec2b', base: 1, weight: 1 }])), /services\.web\.capacityProviderStrategy: expected base above 0 on one capacity provider at most \(as in ECS\), found it on ec2 \(base 1\) and ec2b \(base 1\); keep base on one of them and set the others' to 0$/],
  ['mixing ASG and Fargate', (s) => (delete s.services.web.launchType, (s.services.web.capacityProviderStrategy = [{ capacityProvider: 'ec2', weight: 1 }, { capacityProvider: 'FARGATE', weight: 1 }])), /services\.web\.capacityProviderStrategy: expected capacity providers of one kind, Auto Scaling group providers or FARGATE \/ FARGATE_SPOT \(as in ECS, a strategy cannot mix them\), found Auto Scaling group provider ec2 with FARGATE; split the service in two, one on each kind$/],
  ['invalid Fargate size', (s) => ((s.taskDefinitions.web.requiresCompatibilities = ['FARGATE']), (s.taskDefinitions.web.networkMode = 'awsvpc'), (s.taskDefinitions.web.memory = 3000), (s.services.web.launchType = 'FARGATE')), /taskDefinitions\.web: .*256/],
  ['Fargate needs awsvpc', (s) => ((s.taskDefinitions.web.requiresCompatibilities = ['FARGATE']), (s.services.web.launchType = 'FARGATE')), /taskDefinitions\.web\.networkMode: expected awsvpc for a FARGATE-compatible task definition \(Fargate requires the awsvpc network mode\), found bridge; write networkMode: awsvpc, or leave it out \(awsvpc is then the default\)$/],
  ['two base shapes', (s) => (s.services.web.workload.requestRate = { constant: 5, ramp: { from: 1, to: 2, start: 0, end: 60 } }), /requestRate: expected exactly one base shape, found 2: constant, ramp/],
  ['unknown policy type', (s) => (s.services.web.autoScaling.policies.cpu.policyType = 'TargetTracking'), /policies\.cpu\.policyType: expected one of TargetTrackingScaling \| StepScaling, found "TargetTracking" \(did you mean "TargetTrackingScaling"\?\)/],
  ['overlapping steps', (s) => (s.services.web.autoScaling.policies.surge = { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', threshold: 80, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, metricIntervalUpperBound: 20, scalingAdjustment: 1 }, { metricIntervalLowerBound: 10, scalingAdjustment: 2 }] }), /services\.web\.autoScaling.*overlap/i],
  ['request count needs a load balancer', (s) => (delete s.services.web.loadBalancer, (s.services.web.autoScaling.policies.cpu.predefinedMetricType = 'ALBRequestCountPerTarget')), /policies\.cpu\.predefinedMetricType: expected a metric a service without a load balancer has \(ECSServiceAverageCPUUtilization or ECSServiceAverageMemoryUtilization\), found ALBRequestCountPerTarget: the service has no loadBalancer to count its requests; add a loadBalancer or use another metric$/],
  ['backlog metric needs a queue workload', (s) => ((s.services.web.autoScaling.policies.cpu = { policyType: 'TargetTrackingScaling', customMetric: 'BacklogPerTask', targetValue: 10 })), /policies\.cpu: expected BacklogPerTask only on a queue workload \(workload\.type: queue\), found workload\.type http$/],
  // the ALB counts requests it routes; a queue worker pulls its messages from the queue (simulation.ts counted them as routed)
  ['ALB request count on a queue workload (it scaled on messages the ALB never sees)', (s) => ((s.services.web.workload.type = 'queue'), delete s.services.web.workload.maxQueuePerTask, delete s.services.web.workload.slo.errorRate, delete s.services.web.workload.perTask.cpuBaseline, delete s.services.web.workload.perTask.capacityRps, delete s.services.web.loadBalancer.routing, (s.services.web.autoScaling.policies = { rc: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ALBRequestCountPerTarget', targetValue: 100 } })), /^[^\n]*services\.web\.autoScaling\.policies\.rc\.predefinedMetricType: expected a metric a queue workload moves .*found ALBRequestCountPerTarget: the load balancer never sees the messages a queue worker pulls \(workload\.type: queue\)$/],
  ['a RequestCountPerTarget alarm on a queue workload', (s) => ((s.services.web.workload.type = 'queue'), delete s.services.web.workload.maxQueuePerTask, delete s.services.web.workload.slo.errorRate, delete s.services.web.workload.perTask.cpuBaseline, delete s.services.web.workload.perTask.capacityRps, delete s.services.web.loadBalancer.routing, (s.services.web.autoScaling.policies = { rc: { policyType: 'StepScaling', alarm: { metricName: 'RequestCountPerTarget', statistic: 'Sum', threshold: 3000, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] } })), /services\.web\.autoScaling\.policies\.rc: expected a metric a queue workload moves .*found RequestCountPerTarget: the load balancer never sees/],
  ['daemon with desired count', (s) => ((s.services.web.schedulingStrategy = 'DAEMON'), delete s.services.web.autoScaling), /services\.web\.desiredCount: expected no desiredCount on a DAEMON service \(one task runs on each instance that meets the placement constraints\), found 3; remove it, or make the service REPLICA$/],
  ['daemon with a placement strategy (ecs_service-options.html: with DAEMON there is no need to specify a task placement strategy)', (s) => (daemon(s), (s.services.web.placementStrategy = [{ type: 'binpack', field: 'memory' }])), /services\.web\.placementStrategy: expected no placementStrategy on a DAEMON service \(one task runs on each instance that meets the placement constraints; placementConstraints still apply\), found binpack memory; remove it$/],
  ['daemon with a capacity provider strategy', (s) => (daemon(s), delete s.services.web.launchType, (s.services.web.capacityProviderStrategy = [{ capacityProvider: 'ec2', weight: 1 }])), /services\.web\.capacityProviderStrategy: expected no capacityProviderStrategy on a DAEMON service \(as in ECS, daemon services do not use capacity provider strategies: one task runs on each instance that meets the placement constraints\), found ec2; remove it \(launchType: EC2\)$/],
  ['daemon with autoScaling', (s) => ((s.services.web.schedulingStrategy = 'DAEMON'), delete s.services.web.desiredCount), /services\.web\.autoScaling: expected no autoScaling on a DAEMON service \(its task count follows the instances; Application Auto Scaling does not scale it\), found autoScaling; remove it, or make the service REPLICA$/],
  ['daemon on Fargate', (s) => (daemon(s), (s.taskDefinitions.web.requiresCompatibilities = ['FARGATE']), (s.taskDefinitions.web.networkMode = 'awsvpc'), (s.services.web.launchType = 'FARGATE')), /services\.web\.schedulingStrategy: expected REPLICA on Fargate \(Fargate does not support the DAEMON scheduling strategy: a daemon task runs on each EC2 container instance\), found DAEMON with launchType FARGATE; run the service on EC2 \(launchType: EC2\) or make it REPLICA$/],
  ['daemon on the cluster default strategy of FARGATE', (s) => (daemon(s), (s.taskDefinitions.web.requiresCompatibilities = ['FARGATE']), (s.taskDefinitions.web.networkMode = 'awsvpc'), delete s.services.web.launchType, (s.cluster.defaultCapacityProviderStrategy = [{ capacityProvider: 'FARGATE', weight: 1 }])), /services\.web\.launchType: expected launchType: EC2 on a DAEMON service in a cluster with a defaultCapacityProviderStrategy \(ECS gives a service without launchType the cluster's default strategy, and daemon services do not use capacity provider strategies\), found no launchType; add launchType: EC2$/],
  // aws/containers-roadmap#692: CreateService with DAEMON and no launch type in a cluster with a default strategy is an InvalidParameterException, even of Auto Scaling group providers only
  ['daemon on the cluster default strategy of an Auto Scaling group provider', (s) => (daemon(s), delete s.services.web.launchType, (s.cluster.defaultCapacityProviderStrategy = [{ capacityProvider: 'ec2', weight: 1 }])), /services\.web\.launchType: expected launchType: EC2 on a DAEMON service in a cluster with a defaultCapacityProviderStrategy .*found no launchType; add launchType: EC2$/],
  ['a task definition without FARGATE on Fargate', (s) => ((s.taskDefinitions.web.networkMode = 'awsvpc'), (s.services.web.launchType = 'FARGATE')), /services\.web\.taskDefinition: expected a task definition with FARGATE in requiresCompatibilities \(the service runs on Fargate\), found "web" with EC2; add FARGATE to its requiresCompatibilities$/],
  ['a placement strategy on Fargate', (s) => ((s.taskDefinitions.web.requiresCompatibilities = ['FARGATE']), (s.taskDefinitions.web.networkMode = 'awsvpc'), (s.services.web.launchType = 'FARGATE'), (s.services.web.placementStrategy = [{ type: 'spread', field: 'instanceId' }, { type: 'random' }])), /services\.web\.placementStrategy: expected no placementStrategy on Fargate \(placement strategies apply to EC2 only; Fargate spreads tasks across Availability Zones\), found spread instanceId, random; remove it, or run the service on EC2$/],
  ['a placement constraint on Fargate', (s) => ((s.taskDefinitions.web.requiresCompatibilities = ['FARGATE']), (s.taskDefinitions.web.networkMode = 'awsvpc'), (s.services.web.launchType = 'FARGATE'), (s.services.web.placementConstraints = [{ type: 'distinctInstance' }])), /services\.web\.placementConstraints: expected no placementConstraints on Fargate \(placement constraints apply to EC2 only\), found distinctInstance; remove them, or run the service on EC2$/],
  ['random with a field', (s) => (s.services.web.placementStrategy = [{ type: 'random', field: 'cpu' }]), /services\.web\.placementStrategy\[0\]\.field: expected no field for random \(random places each task on an instance that fits, chosen at random; ECS does not use a field with it\), found "cpu"; remove field, or use binpack or spread to place by a field$/],
  // ECS managed scaling is a target tracking policy on 1-minute CapacityProviderReservation datapoints
  ['managed scaling needs 1-minute metrics', (s) => ((s.metrics = { period: '30s' }), (s.cluster.capacityProviders.ec2.managedScaling = { status: 'ENABLED' }), (s.services.web.autoScaling.policies = {})), /metrics\.period: managed scaling of ec2 \(the target tracking policy ECS puts on the group\) uses 1-minute CapacityProviderReservation datapoints: expected 60s, found 30s$/m],
  ['an Auto Scaling group target tracking policy needs 1-minute metrics', (s) => ((s.metrics = { period: '120s' }), (s.cluster.capacityProviders.ec2.autoScalingGroup.targetTrackingPolicy = { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50 }), (s.services.web.autoScaling.policies = {})), /metrics\.period: the target tracking policy of ec2 \(autoScalingGroup\.targetTrackingPolicy\) uses 1-minute datapoints: expected 60s, found 120s$/m],
  ['target tracking needs 1-minute metrics', (s) => (s.metrics = { period: '120s' }), /metrics\.period: target tracking \(policy cpu of web\) uses the 1-minute datapoints.*found 120s/],
  ['step alarm period not a multiple of the metric period', (s) => (s.services.web.autoScaling.policies.surge = { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', period: '90s', threshold: 80, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] }), /policies\.surge\.alarm\.period: expected a multiple of metrics\.period \(60s\), found 90s/],
  // alarm.period not written: 60s is the schema's default, which the message says (the file has no 60s); the hint is the least alarm period a multiple of metrics.period CloudWatch takes
  ['a defaulted step alarm period not a multiple of the metric period', (s) => ((s.metrics = { period: '5m' }), (s.services.web.autoScaling.policies = { surge: { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', threshold: 80, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] } })), /policies\.surge\.alarm\.period: expected a multiple of metrics\.period \(300s\), found no alarm\.period \(its default is 60s\); write alarm\.period: 300s \(or another multiple of metrics\.period\)$/],
  // 45 s is no CloudWatch alarm period: lcm(45 s, 60 s) = 180 s is the least multiple that is
  ['a defaulted step alarm period on 45s metrics: the hint is lcm(45s, 60s) = 180s', (s) => ((s.duration = '3h'), (s.metrics = { period: '45s' }), (s.services.web.autoScaling.policies = { surge: { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', threshold: 80, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] } })), /policies\.surge\.alarm\.period: expected a multiple of metrics\.period \(45s\), found no alarm\.period \(its default is 60s\); write alarm\.period: 180s \(or another multiple of metrics\.period\)$/],
  ['a written 60s step alarm period on 5m metrics says 60s', (s) => ((s.metrics = { period: '5m' }), (s.services.web.autoScaling.policies = { surge: { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', period: '60s', threshold: 80, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] } })), /policies\.surge\.alarm\.period: expected a multiple of metrics\.period \(300s\), found 60s$/],
  ['region without prices', (s) => (s.region = 'eu-west-1'), /region: expected one of us-east-1, found "eu-west-1" \(ecsim has only us-east-1's price list\)$/],
  ['a healthy threshold above the target group range (2-10)', (s) => (s.services.web.loadBalancer = { healthCheck: { healthyThreshold: 11 } }), /services\.web\.loadBalancer\.healthCheck\.healthyThreshold: expected a whole number from 2 to 10 \(the target group's HealthyThresholdCount range\), found number 11$/],
  ['a healthy threshold of 1', (s) => (s.services.web.loadBalancer = { healthCheck: { healthyThreshold: 1 } }), /services\.web\.loadBalancer\.healthCheck\.healthyThreshold: expected a whole number from 2 to 10 .*found number 1$/],
  ['an unhealthy threshold below the target group range (2-10)', (s) => (s.services.web.loadBalancer = { healthCheck: { unhealthyThreshold: 1 } }), /services\.web\.loadBalancer\.healthCheck\.unhealthyThreshold: expected a whole number from 2 to 10 \(the target group's UnhealthyThresholdCount range\), found number 1$/],
  ['a fractional unhealthy threshold', (s) => (s.services.web.loadBalancer = { healthCheck: { unhealthyThreshold: 2.5 } }), /services\.web\.loadBalancer\.healthCheck\.unhealthyThreshold: expected a whole number from 2 to 10 .*found number 2\.5$/],
  ['an unhealthy threshold as text', (s) => (s.services.web.loadBalancer = { healthCheck: { unhealthyThreshold: 'three' } }), /services\.web\.loadBalancer\.healthCheck\.unhealthyThreshold: expected a whole number from 2 to 10 .*found "three"$/],
  ['a grace period without a load balancer (ECS would not use it)', (s) => (delete s.services.web.loadBalancer, (s.services.web.healthCheckGracePeriodSeconds = 30)), /services\.web\.healthCheckGracePeriodSeconds: expected 0 without a loadBalancer \(the grace period applies to load balancer health checks; ecsim models no container health checks, so ECS would not use it\), found 30; add a loadBalancer or remove the key$/],
  ['a negative grace period', (s) => (s.services.web.healthCheckGracePeriodSeconds = -1), /services\.web\.healthCheckGracePeriodSeconds: expected a whole number from 0 to 2147483647 \(ECS accepts up to 2,147,483,647 seconds\), found number -1$/],
  ['a grace period above ECS\'s 2,147,483,647 s', (s) => (s.services.web.healthCheckGracePeriodSeconds = 2_147_483_648), /services\.web\.healthCheckGracePeriodSeconds: expected a whole number from 0 to 2147483647 .*found number 2147483648$/],
  ['a grace period as a duration (it is whole seconds)', (s) => (s.services.web.healthCheckGracePeriodSeconds = '30s'), /services\.web\.healthCheckGracePeriodSeconds: expected a whole number from 0 to 2147483647 .*found "30s"$/],
  ['an application start that is no duration', (s) => (s.taskDefinitions.web.startup.applicationStart = '2 minutes'), /taskDefinitions\.web\.startup\.applicationStart: expected a duration like/],
  ['an application start of an unknown distribution', (s) => (s.taskDefinitions.web.startup.applicationStart = { distribution: 'gamma', mean: '60s' }), /taskDefinitions\.web\.startup\.applicationStart\.distribution: expected one of fixed \| uniform \| exponential \| normal \| lognormal, found "gamma"$/],
  // a date or time that does not exist is said so (it read "expected an ISO-8601 time with its offset", the offset there)
  ['a start on a day February lacks', (s) => (s.start = '2026-02-30T00:00:00Z'), /:\d+: start: expected a date and time that exist, found "2026-02-30T00:00:00Z": no such date: 2026-02-30 \(February 2026 has 28 days\)$/],
  ['a start at hour 25', (s) => (s.start = '2026-03-02T25:00:00Z'), /:\d+: start: expected a date and time that exist, found "2026-03-02T25:00:00Z": no such time: hour 25 \(hours run 00 to 23; for midnight at the end of a day write 00:00 of the next\)$/],
  ['a start in month 13', (s) => (s.start = '2026-13-01T00:00:00+01:00'), /start: expected a date and time that exist, found "2026-13-01T00:00:00\+01:00": no such month: 13 \(months run 01 to 12\)$/],
  ['a start at minute 60', (s) => (s.start = '2026-03-02T09:60:00Z'), /start: expected a date and time that exist, found "2026-03-02T09:60:00Z": no such time: minute 60 \(minutes run 00 to 59\)$/],
  ['a start with no offset is still said to need one', (s) => (s.start = '2026-03-02T09:00:00'), /start: expected an ISO-8601 time with its offset, like 2026-03-02T09:00:00Z .*found "2026-03-02T09:00:00"$/],
  ['a scheduled action startTime on April 31', (s) => (s.services.web.autoScaling.scheduledActions = { later: { schedule: 'rate(1 hour)', startTime: '2026-04-31T00:00:00Z', scalableTargetAction: { minCapacity: 4 } } }), /services\.web\.autoScaling\.scheduledActions\.later\.startTime: expected a date and time that exist, found "2026-04-31T00:00:00Z": no such date: 2026-04-31 \(April 2026 has 30 days\)$/],
  ['a start without its offset', (s) => (s.start = '2026-03-02T09:00:00'), /start: expected an ISO-8601 time with its offset.*found "2026-03-02T09:00:00"/],
  ['a name with a slash', (s) => (s.name = 'my scenario/1'), /name: expected a name of letters, digits, "_", "-" and ".", other than "." or ".." \(it names the results folder\), found "my scenario\/1"/],
  ['a name that is ".." (only allowed characters, but a folder of its own)', (s) => (s.name = '..'), /name: expected a name of letters, digits, "_", "-" and ".", other than "." or ".." \(it names the results folder\), found ".."$/],
  ['a name that is "."', (s) => (s.name = '.'), /name: expected a name of letters, digits, "_", "-" and ".", other than "." or ".." \(it names the results folder\), found "."$/],
  ['a fraction where a count goes', (s) => (s.services.web.desiredCount = 2.5), /services\.web\.desiredCount: expected a whole number, found number 2\.5/],
  ['an empty list', (s) => (s.cluster.availabilityZones = []), /cluster\.availabilityZones: expected at least 1 item, found an empty list/],
  ['a misspelt key of an Auto Scaling group (once, not again as a missing provider)', (s) => ((s.cluster.capacityProviders.ec2.autoScalingGroup.maxSiz = 3), delete s.cluster.capacityProviders.ec2.autoScalingGroup.maxSize), /cluster\.capacityProviders\.ec2\.autoScalingGroup\.maxSiz: unknown key "maxSiz" \(did you mean "maxSize"\?\)/],
  ['a trace file that is not there (one line, with the reason)', (s) => (s.services.web.workload.requestRate = { csv: { file: 'nope.csv' } }), /services\.web\.workload\.requestRate\.csv\.file: expected a CSV trace file, found no file at \S*nope\.csv; a relative path is read from the scenario file's folder$/m],
  ['a duration of centuries (it ran for minutes and wrote 28 GB)', (s) => (s.duration = '100000d'), /duration: expected at most 3660d \(ten years: .*\), found 100000d$/],
  ['price of an instance type the scenario cannot have (it was silently ignored)', (s) => (s.pricing = { ec2: { 'm5.lrage': 1 } }), /pricing\.ec2\.m5\.lrage: expected a built-in or custom instance type, found "m5.lrage" \(did you mean "m5.large"\?\)/],
  ['a Fargate Spot discount of 1 (it passed the schema and was refused later under pricing:)', (s) => (s.pricing = { fargate: { spotDiscount: 1 } }), /pricing\.fargate\.spotDiscount: expected < 1, found number 1$/],
  // prices are capped at 1e6 USD an hour (an ecsim bound): 1e308 passed validate and the run's cost.total overflowed to Infinity (internal error)
  ['an EC2 price of 1e308 USD an hour (cost.total overflowed to Infinity)', (s) => (s.pricing = { ec2: { 'm5.large': 1e308 } }), /: pricing\.ec2\.m5\.large: expected at most 1000000 \(USD an hour, an ecsim bound: prices are USD per hour, e\.g\. m5\.large 0\.096, a Fargate vCPU-hour 0\.04048\), found 1e\+308$/],
  ['a custom instance type priced 1e305 USD an hour', (s) => s.cluster.capacityProviders.ec2.autoScalingGroup.instanceTypes.push({ name: 'x.big', vcpu: 4, memoryMiB: 16384, price: 1e305 }), /instanceTypes\[1\]\.price: expected at most 1000000 \(USD an hour.*found 1e\+305$/],
  ['a Fargate vCPU-hour just above the cap', (s) => (s.pricing = { fargate: { vcpuHour: 1_000_000.5 } }), /: pricing\.fargate\.vcpuHour: expected at most 1000000 \(USD an hour.*found 1000000\.5$/],
  ['a Fargate ARM GB-hour of 2e6', (s) => (s.pricing = { fargate: { arm64: { gbHour: 2e6 } } }), /: pricing\.fargate\.arm64\.gbHour: expected at most 1000000 \(USD an hour.*found 2000000$/],
  ['an EC2 Spot discount of 1 (Spot would be free)', (s) => (s.pricing = { ec2SpotDiscount: 1 }), /: pricing\.ec2SpotDiscount: expected < 1, found number 1$/],
  ['a soft limit equal to the hard limit (ECS wants memory > memoryReservation)', (s) => (s.taskDefinitions.web.containerDefinitions.app.memoryReservation = 512), /taskDefinitions\.web\.containerDefinitions\.app\.memoryReservation: expected less than memory 512 .*found 512$/],
  ['one provider of weight 0 (ECS refuses it; weight defaults to 0)', (s) => (delete s.services.web.launchType, (s.services.web.capacityProviderStrategy = [{ capacityProvider: 'ec2' }])), /services\.web\.capacityProviderStrategy: expected at least one capacity provider with a weight above 0, found ec2 weight 0: weight defaults to 0, and ECS refuses a strategy whose weights are all 0, even of one provider \("There are no capacity providers with a weight value greater than zero"\); give ec2 a weight \(weight: 1\)$/],
  ['a cluster default strategy of one provider of weight 0 (ECS refuses it too)', (s) => (delete s.services.web.launchType, (s.cluster.defaultCapacityProviderStrategy = [{ capacityProvider: 'ec2', base: 1 }])), /cluster\.defaultCapacityProviderStrategy: expected at least one capacity provider with a weight above 0, found ec2 weight 0: .*; give ec2 a weight \(weight: 1\)$/],
  ['two providers, both of weight 0', (s) => (delete s.services.web.launchType, (s.cluster.capacityProviders.b = structuredClone(s.cluster.capacityProviders.ec2)), (s.services.web.capacityProviderStrategy = [{ capacityProvider: 'ec2', weight: 0 }, { capacityProvider: 'b' }])), /services\.web\.capacityProviderStrategy: expected at least one capacity provider with a weight above 0, found ec2 weight 0, b weight 0: .*; give one of them a weight above 0$/],
  ['reservedMemoryMiB beyond the instance memory (it crashed the run)', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.reservedMemoryMiB = 9000), /cluster\.capacityProviders\.ec2\.autoScalingGroup\.reservedMemoryMiB: instance type m5\.large: ECS_RESERVED_MEMORY 9000 MiB leaves no memory for tasks/],
  ['a custom instance type named like a built-in one (it replaced the built-in)', (s) => s.cluster.capacityProviders.ec2.autoScalingGroup.instanceTypes.push({ name: 'm5.large', vcpu: 64, memoryMiB: 1024, price: 1 }), /instanceTypes\[1\]: custom instance type "m5\.large": expected a name that is not a built-in instance type/],
  ['a custom instance type listed twice in a group', (s) => s.cluster.capacityProviders.ec2.autoScalingGroup.instanceTypes.push({ name: 'x.big', vcpu: 4, memoryMiB: 16384, price: 1 }, { name: 'x.big', vcpu: 4, memoryMiB: 16384, price: 1 }), /autoScalingGroup\.instanceTypes\[2\]: custom instance type "x\.big": expected each instance type once in a group, found "x\.big" again; remove one$/],
  ['a custom instance type defined differently in two groups', (s) => ((s.cluster.capacityProviders.ec2.autoScalingGroup.instanceTypes = [{ name: 'x.big', vcpu: 4, memoryMiB: 16384, price: 1 }]), (s.cluster.capacityProviders.ec2b = structuredClone(s.cluster.capacityProviders.ec2)), (s.cluster.capacityProviders.ec2b.autoScalingGroup.instanceTypes[0].vcpu = 8)), /cluster\.capacityProviders\.ec2b\.autoScalingGroup\.instanceTypes\[0\]: custom instance type "x\.big": expected the same definition as at cluster\.capacityProviders\.ec2\.autoScalingGroup\.instanceTypes\[0\] \(one name, one instance type\), found a different one; give one of them another name, or define them alike$/],
  // one line: said at the container, not again at the task's memory
  ['no memory at the task nor on its container', (s) => (delete s.taskDefinitions.web.memory, delete s.taskDefinitions.web.containerDefinitions.app.memory, delete s.taskDefinitions.web.containerDefinitions.app.memoryReservation), /^[^\n]*taskDefinitions\.web\.containerDefinitions\.app: expected memory or memoryReservation \(the task has no task-level memory\), found neither$/],
  ['a custom attribute named like a built-in one (it overrode ecs.instance-type)', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.attributes = { 'ecs.instance-type': 'x1.huge' }), /autoScalingGroup\.attributes\.ecs\.instance-type: expected a custom attribute name not beginning "ecs\." \(names beginning "ecs\." are the built-in attributes ECS sets itself: .*\), found "ecs\.instance-type"; use another name/],
  ['an empty placementStrategy list (it packed every task on the lowest-id instance)', (s) => (s.services.web.placementStrategy = []), /services\.web\.placementStrategy: expected at least one strategy, found an empty list; omit placementStrategy for the service scheduler's default \(ecsim reads it as spread on attribute:ecs\.availability-zone, then on instanceId; AWS names it spread on attribute:ecs\.availability-zone\), or name a strategy$/],
  ['a custom attribute name with a space (API_Attribute.html: letters, numbers, -, _, /, \\, .)', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.attributes = { 'my tier': 'web' }), /autoScalingGroup\.attributes\.my tier: expected an attribute name of 1 to 128 letters, digits, .*found "my tier"$/],
  ['a custom attribute name with "="', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.attributes = { 'a=b': 'x' }), /autoScalingGroup\.attributes\.a=b: expected an attribute name .*found "a=b"$/],
  ['a custom attribute name of 129 characters', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.attributes = { ['n'.repeat(129)]: 'x' }), /expected an attribute name of 1 to 128 .*found "n{129}"$/],
  ['an osType other than linux (ecsim models Linux instances only: ecs.os-family stays LINUX)', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.osType = 'WINDOWS server'), /autoScalingGroup\.osType: expected linux \(ecsim models Linux instances only; ECS's ecs\.os-type is linux or windows\), found "WINDOWS server"$/],
  ['an empty amiId (the value of ecs.ami-id: 1 to 128 characters)', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.amiId = ''), /autoScalingGroup\.amiId: expected a value of 1 to 128 letters, .*found ""$/],
  ['an empty custom attribute value (1 to 128 characters)', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.attributes = { tier: '' }), /autoScalingGroup\.attributes\.tier: expected a value of 1 to 128 letters, .*found ""$/],
  ['a custom attribute value starting with a space', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.attributes = { tier: ' web' }), /autoScalingGroup\.attributes\.tier: expected a value of .*not starting or ending with a space .*found " web"$/],
  ['a custom attribute value with "="', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.attributes = { tier: 'a=b' }), /autoScalingGroup\.attributes\.tier: expected a value of .*found "a=b"$/],
  ['more than 10 custom attributes', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.attributes = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, 'x']))), /autoScalingGroup\.attributes: expected at most 10 custom attributes .*found 11$/],
  ['ExactCapacity with a negative adjustment', (s) => (s.services.web.autoScaling.policies.exact = { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', threshold: 80, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ExactCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: -3 }] }), /policies\.exact\.stepAdjustments\[0\]\.scalingAdjustment: expected a value >= 0 with adjustmentType ExactCapacity .*found -3$/],
  ['an alarm period CloudWatch does not offer', (s) => ((s.metrics = { period: '30s' }), (s.services.web.autoScaling.policies = { surge: { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', period: '90s', threshold: 80, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] } })), /policies\.surge\.alarm\.period: expected 10s, 20s, 30s or a multiple of 60s .*found 90s$/],
  ['a duration that ends inside a metric period (its requests went unmeasured while its cost was billed)', (s) => (s.duration = '90s'), /duration: expected a whole number of metric periods of 60s \(metrics\.period\), e\.g\. 60s or 120s; found 90s$/],
  ['Spot instance draining without Spot interruptions (it would do nothing)', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.spotInstanceDraining = true), /autoScalingGroup\.spotInstanceDraining: expected only with spotInterruptions \(and purchaseOption: spot\), found spotInstanceDraining: true without them: it would have no effect, .*; add spotInterruptions or remove spotInstanceDraining$/],
  ['a service time in seconds by mistake (a bare number is seconds; the run dropped 99.8 % of requests at 5 % CPU)', (s) => (s.services.web.workload.perTask.serviceTime.mean = 40), /services\.web\.workload\.perTask\.capacityRps: expected at most 100 x what the slots allow \(concurrency 8 \/ mean serviceTime 40000 ms = 0\.2 requests\/s\), found 100; serviceTime's mean is 40s: written as a bare number, that is seconds \(did you mean "40ms"\?\)$/],
  ['capacityRps on a queue workload (it was ignored when serviceTime was given; a queue worker\'s CPU is cpuPerBusySlot per busy slot)', (s) => ((s.services.web.workload.type = 'queue'), delete s.services.web.loadBalancer, delete s.services.web.workload.maxQueuePerTask, delete s.services.web.workload.slo.errorRate, delete s.services.web.workload.perTask.cpuBaseline, (s.services.web.autoScaling.policies = {})), /services\.web\.workload\.perTask\.capacityRps: expected no capacityRps on a queue workload \(it is an http task's throughput at 100 % CPU\), found 100; .*for 100 messages\/s with concurrency 8, give serviceTime a mean of 80ms$/],
  ['a step alarm on RequestCountPerTarget with a statistic other than Sum (the ALB publishes it for Sum only)', (s) => (s.services.web.autoScaling.policies.rc = { policyType: 'StepScaling', alarm: { metricName: 'RequestCountPerTarget', statistic: 'Maximum', threshold: 3000, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] }), /services\.web\.autoScaling\.policies\.rc\.alarm\.statistic: expected Sum \(the only valid statistic of RequestCountPerTarget.*\), found Maximum$/],
  ['a duration above zero that rounds to 0 ms (it was called "not greater than zero")', (s) => (s.services.web.workload.requestRate = { constant: 100, noise: { cv: 0.1, every: 0.0004 } }), /services\.web\.workload\.requestRate\.noise\.every: expected a duration of at least 1 ms, found number 0\.0004, which rounds to 0 ms \(durations are whole milliseconds; a bare number is seconds\)$/],
  ['"0.3ms" rounds to 0 ms too', (s) => (s.metrics = { period: '0.3ms' }), /metrics\.period: expected a duration of at least 1 ms, found "0\.3ms", which rounds to 0 ms \(durations are whole milliseconds\)$/],
  ['a zero duration where one above zero is needed', (s) => (s.metrics = { period: 0 }), /metrics\.period: expected a duration greater than zero, found number 0$/],
  ['an infinite duration (it was called negative)', (s) => (s.duration = 1e400), /duration: expected a finite duration .*found Infinity$/],
  ['a health check interval outside the target group range (5-300 s)', (s) => (s.services.web.loadBalancer = { healthCheck: { interval: '4s' } }), /services\.web\.loadBalancer\.healthCheck\.interval: expected 5s to 300s \(the target group's HealthCheckIntervalSeconds range\), found 4s$/],
  ['a health check interval above 300 s', (s) => (s.services.web.loadBalancer = { healthCheck: { interval: '301s' } }), /services\.web\.loadBalancer\.healthCheck\.interval: expected 5s to 300s .*found 301s$/],
  // an API Integer of seconds is at most 2,147,483,647 (a cooldown of 1e200 s was run)
  ['a scale-out cooldown above 2147483647 s', (s) => (s.services.web.autoScaling.policies.cpu.scaleOutCooldown = '2147483648s'), /:\d+: services\.web\.autoScaling\.policies\.cpu\.scaleOutCooldown: expected at most 2147483647s \(Application Auto Scaling's ScaleOutCooldown is an Integer of seconds\), found 2147483648s$/],
  ['a scale-in cooldown of 1e200 s', (s) => (s.services.web.autoScaling.policies.cpu.scaleInCooldown = 1e200), /policies\.cpu\.scaleInCooldown: expected at most 2147483647s \(Application Auto Scaling's ScaleInCooldown is an Integer of seconds\), found 1e\+200s$/],
  ['a step scaling cooldown above 2147483647 s', (s) => (s.services.web.autoScaling.policies.surge = { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', threshold: 80, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }], cooldown: 2147483648 }), /policies\.surge\.cooldown: expected at most 2147483647s \(Application Auto Scaling's step scaling Cooldown is an Integer of seconds\), found 2147483648 \(2147483648s\)$/],
  ['an estimated instance warm-up above 2147483647 s', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.targetTrackingPolicy = { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50, estimatedInstanceWarmup: 3e9 }), /targetTrackingPolicy\.estimatedInstanceWarmup: expected at most 2147483647s \(EC2 Auto Scaling's EstimatedInstanceWarmup is an Integer of seconds\), found 3000000000 \(3000000000s\)$/],
  // TargetValue: "Values must be in the range of -2^360 to 2^360" (API_TargetTrackingScalingPolicyConfiguration); ecsim refuses <= 0 too
  ['a target value of 1e200 (above 2^360)', (s) => (s.services.web.autoScaling.policies.cpu.targetValue = 1e200), /:\d+: services\.web\.autoScaling\.policies\.cpu\.targetValue: expected at most 2\^360 \(TargetValue's range is -2\^360 to 2\^360\), found 1e\+200$/],
  ['a target value of 0', (s) => (s.services.web.autoScaling.policies.cpu.targetValue = 0), /policies\.cpu\.targetValue: expected > 0 \(every metric ecsim tracks is 0 or more; the capacity asked for is ceil\(current x metric \/ target\)\), found 0$/],
  // out of the range before it is any fraction (it was "expected a whole number of seconds ..., found 1e+300s")
  // a type twice: an on-demand group's warning called the repeat ignored; a spot group's rotation took it twice as often, unsaid
  ['an instance type listed twice (on-demand)', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.instanceTypes = ['m5.large', 'm5.large']), /:\d+: cluster\.capacityProviders\.ec2\.autoScalingGroup\.instanceTypes\[1\]: expected distinct instance types, found m5\.large again \(the same as \[0\]\); remove one \(an on-demand group launches its first type only; a spot group would take it twice as often\)$/],
  ['an instance type listed twice (spot)', (s) => Object.assign(s.cluster.capacityProviders.ec2.autoScalingGroup, { instanceTypes: ['m5.large', 'c5.large', 'm5.large'], purchaseOption: 'spot' }), /autoScalingGroup\.instanceTypes\[2\]: expected distinct instance types, found m5\.large again \(the same as \[0\]\)/],
  ['a custom type listed as its map and its name', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.instanceTypes = [{ name: 'big', vcpu: 4, memoryMiB: 16384, price: 0.2 }, 'big']), /autoScalingGroup\.instanceTypes\[1\]: expected distinct instance types, found big again \(the same as \[0\]\)/],
  ['a deregistration delay of 1e300 s', (s) => (s.services.web.loadBalancer = { deregistrationDelay: 1e300 }), /services\.web\.loadBalancer\.deregistrationDelay: expected 0s to 3600s \(the target group's deregistration_delay\.timeout_seconds range\), found 1e\+300s$/],
  ['a deregistration delay above 3600 s and a fraction', (s) => (s.services.web.loadBalancer = { deregistrationDelay: 3600.5 }), /services\.web\.loadBalancer\.deregistrationDelay: expected 0s to 3600s .*found 3600\.5s$/],
  ['a deregistration delay above 3600 s', (s) => (s.services.web.loadBalancer = { deregistrationDelay: '1h1s' }), /services\.web\.loadBalancer\.deregistrationDelay: expected 0s to 3600s \(the target group's deregistration_delay\.timeout_seconds range\), found 1h1s \(3601s\)$/],
  ['a stopTimeout above Fargate\'s 120 s on a task definition a Fargate service runs', (s) => ((s.taskDefinitions.web.requiresCompatibilities = ['FARGATE']), (s.taskDefinitions.web.networkMode = 'awsvpc'), (s.taskDefinitions.web.stopTimeout = '121s'), (s.services.web.launchType = 'FARGATE')), /taskDefinitions\.web\.stopTimeout: expected at most 120s for a task definition Fargate runs \(service web uses FARGATE; .*found 121s; lower it, or run the service on EC2$/],
  // ECS's ManagedScaling targetCapacity is an Integer 1-100 (APIReference/API_ManagedScaling.html)
  ['a fractional managed scaling targetCapacity', (s) => (s.cluster.capacityProviders.ec2.managedScaling = { targetCapacity: 0.5 }), /cluster\.capacityProviders\.ec2\.managedScaling\.targetCapacity: expected a whole number, found number 0\.5$/],
  // EC2 Auto Scaling's TargetValue is a Double (API_TargetTrackingConfiguration.html); a CPU percentage here: above 0, at most 100
  ['an Auto Scaling group CPU target of 0', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.targetTrackingPolicy = { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 0 }), /autoScalingGroup\.targetTrackingPolicy\.targetValue: expected > 0, found number 0$/],
  ['an Auto Scaling group CPU target above 100 %', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.targetTrackingPolicy = { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 101 }), /autoScalingGroup\.targetTrackingPolicy\.targetValue: expected <= 100, found number 101$/],
  ['a negative duration where one above zero is needed (it said "expected a non-negative duration")', (s) => (s.duration = -60), /:\d+: duration: expected a duration greater than zero, found number -60 \(negative\)$/],
  // a minus sign before a duration string read as a format error ('expected a duration like "250ms", ...')
  ['a negative duration string where one above zero is needed', (s) => (s.duration = '-1h'), /:\d+: duration: expected a duration greater than zero, found "-1h" \(negative\)$/],
  ['a negative cooldown', (s) => (s.services.web.autoScaling.policies.cpu.scaleInCooldown = '-60s'), /:\d+: services\.web\.autoScaling\.policies\.cpu\.scaleInCooldown: expected a duration >= 0, found "-60s" \(negative\)$/],
  ['a negative launch delay', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.launchDelay = '-60s'), /:\d+: cluster\.capacityProviders\.ec2\.autoScalingGroup\.launchDelay: expected a duration >= 0, found "-60s" \(negative\)$/],
  ['a negative publish delay in bare seconds', (s) => (s.metrics = { publishDelay: -1 }), /:\d+: metrics\.publishDelay: expected a duration >= 0, found number -1 \(negative\)$/],
  // a unit twice, or a smaller one before a larger, added up unsaid ("1h1h" ran 2 h, "30m1h" 90 min)
  ['a unit twice in a duration', (s) => (s.duration = '1h1h'), /:\d+: duration: expected each unit at most once in a duration \(like "1h30m"\), found "1h1h": h twice$/],
  ['a unit twice, with a fraction', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.launchDelay = '1m0.5m'), /launchDelay: expected each unit at most once in a duration \(like "1h30m"\), found "1m0\.5m": m twice$/],
  ['units out of order', (s) => (s.duration = '30m1h'), /:\d+: duration: expected a duration's units largest first \(like "1h30m"\), found "30m1h": h after m$/],
  ['units out of order, then again', (s) => (s.services.web.autoScaling.policies.cpu.scaleInCooldown = '1m30s1m'), /scaleInCooldown: expected a duration's units largest first \(like "1h30m"\), found "1m30s1m": m after s$/],
  ['a negative publish delay string', (s) => (s.metrics = { publishDelay: '-1.5s' }), /:\d+: metrics\.publishDelay: expected a duration >= 0, found "-1\.5s" \(negative\)$/],
  ['a peakAt that is no time of day names what it found', (s) => (s.services.web.workload.requestRate = { diurnal: { min: 10, max: 20, peakAt: '25:00' } }), /services\.web\.workload\.requestRate\.diurnal\.peakAt: expected a time of day "H:MM" or "HH:MM", optionally with ":SS", hours 0-23 \(e\.g\. "9:00", "14:30"\), found "25:00"$/],
  ['a startTime that is no date-time (the message offered epoch ms, which a scenario cannot give)', (s) => (s.services.web.autoScaling.scheduledActions = { later: { schedule: 'rate(1 hour)', startTime: 'tomorrow', scalableTargetAction: { minCapacity: 4 } } }), /services\.web\.autoScaling\.scheduledActions\.later\.startTime: expected an ISO 8601 date-time such as 2026-03-02T08:00:00Z \(UTC when it gives no offset\), found "tomorrow"$/],
  // (it said only "expected a string, found number 1772409600000": epoch ms, no hint of the form)
  ['a startTime given as a number (epoch ms) gets the date-time hint', (s) => (s.services.web.autoScaling.scheduledActions = { later: { schedule: 'rate(1 day)', startTime: 1772409600000, scalableTargetAction: { minCapacity: 3 } } }), /services\.web\.autoScaling\.scheduledActions\.later\.startTime: expected an ISO 8601 date-time such as 2026-03-02T08:00:00Z \(UTC when it gives no offset\), found number 1772409600000$/],
  ['an endTime given as a list gets the date-time hint', (s) => (s.services.web.autoScaling.scheduledActions = { later: { schedule: 'rate(1 day)', endTime: [1], scalableTargetAction: { minCapacity: 3 } } }), /services\.web\.autoScaling\.scheduledActions\.later\.endTime: expected an ISO 8601 date-time such as 2026-03-02T08:00:00Z \(UTC when it gives no offset\), found a list of 1$/],
  ['a service name with a space (zod said only "Invalid key in record")', (s) => ((s.services['a b'] = s.services.web), delete s.services.web), /services\.a b: expected a service name of 1 to 255 letters, digits, "_" and "-" \(as CreateService's serviceName requires\), found "a b" \(a space not allowed\); rename it, e.g\. "a-b"$/],
  // AWS takes these as Integer seconds: a fraction is refused, not run (API_ManagedScaling.html
  // instanceWarmupPeriod 0-10000; ContainerDefinition stopTimeout; Application Auto Scaling
  // ScaleOutCooldown / ScaleInCooldown / Cooldown; EC2 Auto Scaling EstimatedInstanceWarmup;
  // HealthCheckIntervalSeconds)
  ['a managed scaling warm-up in milliseconds (1500ms was accepted)', (s) => (s.cluster.capacityProviders.ec2.managedScaling = { instanceWarmupPeriod: '1500ms' }), /cluster\.capacityProviders\.ec2\.managedScaling\.instanceWarmupPeriod: expected a whole number of seconds \(ManagedScaling's instanceWarmupPeriod is an Integer of seconds\), found 1\.5s$/],
  ['a managed scaling warm-up above 10000 s', (s) => (s.cluster.capacityProviders.ec2.managedScaling = { instanceWarmupPeriod: '10001s' }), /managedScaling\.instanceWarmupPeriod: expected 0s to 10000s \(ManagedScaling's instanceWarmupPeriod range\), found 10001s$/],
  ['a fractional stopTimeout', (s) => (s.taskDefinitions.web.stopTimeout = 2.5), /taskDefinitions\.web\.stopTimeout: expected a whole number of seconds \(ContainerDefinition's stopTimeout is an Integer of seconds\), found 2\.5s$/],
  ['a fractional scale-out cooldown', (s) => (s.services.web.autoScaling.policies.cpu.scaleOutCooldown = '60500ms'), /policies\.cpu\.scaleOutCooldown: expected a whole number of seconds \(Application Auto Scaling's ScaleOutCooldown is an Integer of seconds\), found 60\.5s$/],
  ['a fractional scale-in cooldown', (s) => (s.services.web.autoScaling.policies.cpu.scaleInCooldown = 0.1), /policies\.cpu\.scaleInCooldown: expected a whole number of seconds .*found 0\.1s$/],
  ['a fractional step scaling cooldown', (s) => (s.services.web.autoScaling.policies.surge = { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', threshold: 80, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }], cooldown: '90.5s' }), /policies\.surge\.cooldown: expected a whole number of seconds \(Application Auto Scaling's step scaling Cooldown is an Integer of seconds\), found 90\.5s$/],
  ['a fractional estimated instance warm-up', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.targetTrackingPolicy = { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50, estimatedInstanceWarmup: '300500ms' }), /targetTrackingPolicy\.estimatedInstanceWarmup: expected a whole number of seconds \(EC2 Auto Scaling's EstimatedInstanceWarmup is an Integer of seconds\), found 300\.5s$/],
  ['a fractional deregistration delay (deregistration_delay.timeout_seconds is an integer)', (s) => (s.services.web.loadBalancer = { deregistrationDelay: '1.5s' }), /services\.web\.loadBalancer\.deregistrationDelay: expected a whole number of seconds \(the target group's deregistration_delay\.timeout_seconds is an Integer of seconds\), found 1\.5s$/],
  // an API Integer of seconds is at most 2,147,483,647 (a cooldown of 1e200 s was run)
  ['a scale-out cooldown above 2147483647 s', (s) => (s.services.web.autoScaling.policies.cpu.scaleOutCooldown = '2147483648s'), /:\d+: services\.web\.autoScaling\.policies\.cpu\.scaleOutCooldown: expected at most 2147483647s \(Application Auto Scaling's ScaleOutCooldown is an Integer of seconds\), found 2147483648s$/],
  ['a scale-in cooldown of 1e200 s', (s) => (s.services.web.autoScaling.policies.cpu.scaleInCooldown = 1e200), /policies\.cpu\.scaleInCooldown: expected at most 2147483647s \(Application Auto Scaling's ScaleInCooldown is an Integer of seconds\), found 1e\+200s$/],
  ['a step scaling cooldown above 2147483647 s', (s) => (s.services.web.autoScaling.policies.surge = { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', threshold: 80, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }], cooldown: 2147483648 }), /policies\.surge\.cooldown: expected at most 2147483647s \(Application Auto Scaling's step scaling Cooldown is an Integer of seconds\), found 2147483648 \(2147483648s\)$/],
  ['an estimated instance warm-up above 2147483647 s', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.targetTrackingPolicy = { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50, estimatedInstanceWarmup: 3e9 }), /targetTrackingPolicy\.estimatedInstanceWarmup: expected at most 2147483647s \(EC2 Auto Scaling's EstimatedInstanceWarmup is an Integer of seconds\), found 3000000000 \(3000000000s\)$/],
  // TargetValue: "Values must be in the range of -2^360 to 2^360" (API_TargetTrackingScalingPolicyConfiguration); ecsim refuses <= 0 too
  ['a target value of 1e200 (above 2^360)', (s) => (s.services.web.autoScaling.policies.cpu.targetValue = 1e200), /:\d+: services\.web\.autoScaling\.policies\.cpu\.targetValue: expected at most 2\^360 \(TargetValue's range is -2\^360 to 2\^360\), found 1e\+200$/],
  ['a target value of 0', (s) => (s.services.web.autoScaling.policies.cpu.targetValue = 0), /policies\.cpu\.targetValue: expected > 0 \(every metric ecsim tracks is 0 or more; the capacity asked for is ceil\(current x metric \/ target\)\), found 0$/],
  // out of the range before it is any fraction (it was "expected a whole number of seconds ..., found 1e+300s")
  // a type twice: an on-demand group's warning called the repeat ignored; a spot group's rotation took it twice as often, unsaid
  ['an instance type listed twice (on-demand)', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.instanceTypes = ['m5.large', 'm5.large']), /:\d+: cluster\.capacityProviders\.ec2\.autoScalingGroup\.instanceTypes\[1\]: expected distinct instance types, found m5\.large again \(the same as \[0\]\); remove one \(an on-demand group launches its first type only; a spot group would take it twice as often\)$/],
  ['an instance type listed twice (spot)', (s) => Object.assign(s.cluster.capacityProviders.ec2.autoScalingGroup, { instanceTypes: ['m5.large', 'c5.large', 'm5.large'], purchaseOption: 'spot' }), /autoScalingGroup\.instanceTypes\[2\]: expected distinct instance types, found m5\.large again \(the same as \[0\]\)/],
  ['a custom type listed as its map and its name', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.instanceTypes = [{ name: 'big', vcpu: 4, memoryMiB: 16384, price: 0.2 }, 'big']), /autoScalingGroup\.instanceTypes\[1\]: expected distinct instance types, found big again \(the same as \[0\]\)/],
  ['a deregistration delay of 1e300 s', (s) => (s.services.web.loadBalancer = { deregistrationDelay: 1e300 }), /services\.web\.loadBalancer\.deregistrationDelay: expected 0s to 3600s \(the target group's deregistration_delay\.timeout_seconds range\), found 1e\+300s$/],
  ['a deregistration delay above 3600 s and a fraction', (s) => (s.services.web.loadBalancer = { deregistrationDelay: 3600.5 }), /services\.web\.loadBalancer\.deregistrationDelay: expected 0s to 3600s .*found 3600\.5s$/],
  ['a deregistration delay above 3600 s', (s) => (s.services.web.loadBalancer = { deregistrationDelay: '3601s' }), /services\.web\.loadBalancer\.deregistrationDelay: expected 0s to 3600s \(the target group's deregistration_delay\.timeout_seconds range\), found 3601s$/],
  ['a fractional health check interval', (s) => (s.services.web.loadBalancer = { healthCheck: { interval: '5.5s' } }), /loadBalancer\.healthCheck\.interval: expected a whole number of seconds \(the target group's HealthCheckIntervalSeconds is an Integer of seconds\), found 5\.5s$/],
  // PutMetricAlarm: DatapointsToAlarm <= EvaluationPeriods; Period x EvaluationPeriods at most one day under a 1-hour period (both named services.web.autoScaling before)
  ['a step alarm with datapointsToAlarm above evaluationPeriods names the key', (s) => (s.services.web.autoScaling.policies = { out: { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', threshold: 50, comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 2, datapointsToAlarm: 3 }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] } }), /:\d+: services\.web\.autoScaling\.policies\.out\.alarm\.datapointsToAlarm: expected a whole number in \[1, evaluationPeriods = 2\], found 3$/],
  ['a step alarm longer than a day names evaluationPeriods', (s) => (s.services.web.autoScaling.policies = { out: { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', threshold: 50, comparisonOperator: 'GreaterThanThreshold', period: '60s', evaluationPeriods: 1441 }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] } }), /:\d+: services\.web\.autoScaling\.policies\.out\.alarm\.evaluationPeriods: expected period x evaluationPeriods at most one day for a period under one hour \(CloudWatch limit\), found 60 s x 1441 = 86460 s$/],
  // PutScheduledAction: Timezone is used with at() or cron(); on rate() it was silently ignored
  ['a timezone on a rate() scheduled action is refused, naming the key', (s) => (s.services.web.autoScaling.scheduledActions = { r: { schedule: 'rate(10 minutes)', timezone: 'America/New_York', scalableTargetAction: { minCapacity: 5 } } }), /:\d+: services\.web\.autoScaling\.scheduledActions\.r\.timezone: expected no timezone on a rate\(\) schedule \(timezone applies to at\(\) and cron\(\) only\), found "America\/New_York"; remove it$/],
  ['an expectation on a provider no service uses (it failed only after the run)', (s) => (s.expect = ['cost.byProvider.FARGATE < 1']), /expect\[0\]: .*FARGATE/],
  // rules between keys said in the house form at the key, expected and found (they were "X needs Y")
  ['a RequestCountPerTarget alarm without a load balancer names alarm.metricName', (s) => (delete s.services.web.loadBalancer, (s.services.web.autoScaling.policies = { out: { policyType: 'StepScaling', alarm: { metricName: 'RequestCountPerTarget', threshold: 50, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] } })), /:\d+: services\.web\.autoScaling\.policies\.out\.alarm\.metricName: expected a metric a service without a load balancer has \(CPUUtilization or MemoryUtilization\), found RequestCountPerTarget: the service has no loadBalancer to count its requests; add a loadBalancer or use another metric$/],
  ['a container with no memory in a task with none', (s) => (delete s.taskDefinitions.web.memory, (s.taskDefinitions.web.containerDefinitions.side = { cpu: 0 }), delete s.services.web.workload.perTask.memoryMiB), /:\d+: taskDefinitions\.web\.containerDefinitions\.side: expected memory or memoryReservation \(the task has no task-level memory\), found neither$/],
  ['launchType EC2 with no Auto Scaling group provider', (s) => ((s.cluster.capacityProviders = { FARGATE: {} }), delete s.services.web.autoScaling), /:\d+: services\.web\.launchType: expected an Auto Scaling group capacity provider in cluster\.capacityProviders to supply instances for launchType EC2, found none$/],
  ['a FARGATE-compatible task definition with neither cpu nor memory', (s) => (Object.assign(s.taskDefinitions.web, { requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc' }), delete s.taskDefinitions.web.cpu, delete s.taskDefinitions.web.memory, (s.services.web.launchType = 'FARGATE'), delete s.services.web.workload.perTask.memoryMiB), /:\d+: taskDefinitions\.web: expected task-level cpu and memory in a FARGATE-compatible task definition \(Fargate sizes the task by them\), found neither$/],
  // a duration above ten years (3660 d = 316,224,000 s = 316,224,000,000 ms) is refused: 1e308 s
  // was Infinity ms, accepted (a launch delay that never ended; an SLO of Infinity; a service
  // time refused on capacityRps as "Infinity ms"; a step at 2^53 + 2 s warned of as far after the end)
  ['a launch delay p95 of 1e308 s (Infinity ms: the run registered no instance)', (s) => (s.cluster.capacityProviders.ec2.autoScalingGroup.launchDelay = { distribution: 'lognormal', median: '90s', p95: 1e308 }), /:\d+: cluster\.capacityProviders\.ec2\.autoScalingGroup\.launchDelay\.p95: expected a duration of at most 3660d \(ten years, ecsim's longest run\), found 1e\+308$/],
  ['an SLO latency of 1e308 s', (s) => (s.services.web.workload.slo.latencyP95 = 1e308), /:\d+: services\.web\.workload\.slo\.latencyP95: expected a duration of at most 3660d \(ten years, ecsim's longest run\), found 1e\+308$/],
  ['a service time mean of 1e308 s (it was refused on capacityRps, as "Infinity ms")', (s) => (s.services.web.workload.perTask.serviceTime.mean = 1e308), /:\d+: services\.web\.workload\.perTask\.serviceTime\.mean: expected a duration of at most 3660d \(ten years, ecsim's longest run\), found 1e\+308$/],
  ['a step at 2^53 + 2 s (no safe integer of ms)', (s) => (s.services.web.workload.requestRate.step.at = 9007199254740994), /:\d+: services\.web\.workload\.requestRate\.step\.at: expected a duration of at most 3660d \(ten years, ecsim's longest run\), found 9007199254740994$/],
  ['a step at 3660 d and 1 ms, a string', (s) => (s.services.web.workload.requestRate.step.at = '3660d1ms'), /:\d+: services\.web\.workload\.requestRate\.step\.at: expected a duration of at most 3660d \(ten years, ecsim's longest run\), found "3660d1ms"$/],
  ['a publish delay of 316224000.001 s (1 ms past 3660 d)', (s) => (s.metrics = { publishDelay: 316224000.001 }), /:\d+: metrics\.publishDelay: expected a duration of at most 3660d \(ten years, ecsim's longest run\), found 316224000\.001$/],
  // a cooldown keeps AWS's bound (an Integer of seconds), not ecsim's ten years; 1e308 s was "found Infinitys"
  ['a scale-in cooldown of 1e308 s', (s) => (s.services.web.autoScaling.policies.cpu.scaleInCooldown = 1e308), /policies\.cpu\.scaleInCooldown: expected at most 2147483647s \(Application Auto Scaling's ScaleInCooldown is an Integer of seconds\), found more than 1\.7976931348623157e\+308s$/],
];

describe('scenario validation: one clear line per problem, with the key path', () => {
  const dir = tempDir();
  for (const [name, mutate, pattern] of cases) {
    it(name, () => {
      const s = quickstart();
      mutate(s);
      const file = writeScenario(dir, name.replace(/\W+/g, '-'), s);
      let error: unknown;
      try {
        loadScenarioFile(file);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ScenarioError);
      const message = (error as ScenarioError).message;
      expect(message).toMatch(pattern);
      // one problem, one line, naming the file (and a line number when the key is in the file)
      expect(message.split('\n')).toHaveLength(1);
      expect(message.startsWith(file)).toBe(true);
      expect(message).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  it('a DAEMON service on FARGATE_SPOT by its capacity provider strategy: said once, at schedulingStrategy, naming the strategy (not again at capacityProviderStrategy)', () => {
    const s = quickstart();
    daemon(s);
    delete s.services.web.launchType;
    s.taskDefinitions.web.requiresCompatibilities = ['FARGATE'];
    s.taskDefinitions.web.networkMode = 'awsvpc';
    s.services.web.capacityProviderStrategy = [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }];
    const lines = problemLines(s, 'daemon-fargate-spot');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/services\.web\.schedulingStrategy: expected REPLICA on Fargate .*found DAEMON with FARGATE_SPOT in its capacityProviderStrategy; run the service on EC2 \(replace capacityProviderStrategy with launchType: EC2\) or make it REPLICA$/);
  });

  const problemLines = (s: Record<string, any>, name: string): string[] => {
    const file = writeScenario(dir, name, s);
    try {
      loadScenarioFile(file);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      return (e as ScenarioError).message.split('\n');
    }
    throw new Error('expected the scenario to be refused');
  };

  it('a DAEMON service on launchType FARGATE with an EC2-only task definition and a placementStrategy: the Fargate line and the DAEMON placementStrategy line, not the moot Fargate ones (task definition, placementStrategy on Fargate)', () => {
    const s = quickstart();
    daemon(s);
    s.services.web.launchType = 'FARGATE';
    s.services.web.placementStrategy = [{ type: 'spread', field: 'instanceId' }];
    const lines = problemLines(s, 'daemon-fargate-placement');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/services\.web\.schedulingStrategy: expected REPLICA on Fargate .*found DAEMON with launchType FARGATE; run the service on EC2 \(launchType: EC2\) or make it REPLICA$/);
    expect(lines[1]).toMatch(/services\.web\.placementStrategy: expected no placementStrategy on a DAEMON service .*found spread instanceId; remove it$/);
  });

  it('a DAEMON service put on Fargate by the cluster default strategy, its task definition EC2-only with placementConstraints and stopTimeout 300 s: only the launchType line (the Fargate ones are moot once it runs on EC2)', () => {
    const s = quickstart();
    daemon(s);
    delete s.services.web.launchType;
    s.cluster.defaultCapacityProviderStrategy = [{ capacityProvider: 'FARGATE', weight: 1 }];
    s.taskDefinitions.web.requiresCompatibilities = ['EC2'];
    s.taskDefinitions.web.networkMode = 'awsvpc';
    s.taskDefinitions.web.stopTimeout = '300s';
    s.taskDefinitions.web.placementConstraints = [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }];
    const lines = problemLines(s, 'daemon-default-fargate');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/services\.web\.launchType: expected launchType: EC2 on a DAEMON service in a cluster with a defaultCapacityProviderStrategy .*found no launchType; add launchType: EC2$/);
  });

  it('a key with a problem gets one line: launchType both beside a strategy and without an Auto Scaling group provider; a Fargate stopTimeout above 120 s of a task definition two services run', () => {
    const s = quickstart();
    s.cluster.capacityProviders = { FARGATE: {} };
    s.services.web.capacityProviderStrategy = [{ capacityProvider: 'FARGATE', weight: 1 }];
    const lines = problemLines(s, 'launch-type-twice');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/services\.web\.launchType: expected either launchType or capacityProviderStrategy \(as in ECS\), found both$/);

    const f = quickstart();
    f.cluster.capacityProviders = { FARGATE: {} };
    f.services.web.launchType = 'FARGATE';
    f.taskDefinitions.web.requiresCompatibilities = ['FARGATE'];
    f.taskDefinitions.web.networkMode = 'awsvpc';
    f.taskDefinitions.web.stopTimeout = '150s';
    f.services.api = { taskDefinition: 'web', launchType: 'FARGATE', desiredCount: 1 };
    const both = problemLines(f, 'fargate-stop-timeout-twice');
    expect(both).toHaveLength(1);
    expect(both[0]).toMatch(/taskDefinitions\.web\.stopTimeout: expected at most 120s for a task definition Fargate runs \(service web uses FARGATE; Fargate's maximum stopTimeout\), found 150s; lower it, or run the service on EC2$/);
  });

  it('a strategy mixing two Auto Scaling group providers with FARGATE names them as providers (plural)', () => {
    const s = quickstart();
    s.cluster.capacityProviders.ec2b = structuredClone(s.cluster.capacityProviders.ec2);
    s.cluster.capacityProviders.FARGATE = {};
    delete s.services.web.launchType;
    s.services.web.capacityProviderStrategy = [{ capacityProvider: 'ec2', weight: 1 }, { capacityProvider: 'ec2b', weight: 1 }, { capacityProvider: 'FARGATE', weight: 1 }];
    const lines = problemLines(s, 'mixed-kinds-plural');
    expect(lines.filter((l) => l.includes('expected capacity providers of one kind'))).toHaveLength(1);
    expect(lines.join('\n')).toMatch(/services\.web\.capacityProviderStrategy: expected capacity providers of one kind, .*found Auto Scaling group providers ec2, ec2b with FARGATE; split the service in two, one on each kind$/m);
  });

  it('warns (exit 0) of what is valid but never happens: a step after the end, a schedule that does not fire in the run, an AZ name outside the region', async () => {
    const s = quickstart();
    s.cluster.availabilityZones = ['us-east-1a', 'us-east-1b', 'eu-west-1a'];
    s.services.web.workload.requestRate = { step: { from: 150, to: 450, at: '2h' } };
    s.services.web.autoScaling.scheduledActions = { never: { schedule: 'cron(0 8 31 2 ? *)', scalableTargetAction: { minCapacity: 4 } } };
    const file = writeScenario(dir, 'warnings', s);
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      `warning: ${file}: cluster.availabilityZones[2]: "eu-west-1a" is not an Availability Zone name of us-east-1 (like us-east-1a); it is used as a label only`,
      `warning: ${file}: services.web.workload.requestRate.step.at: 2h is at or after the end of the run (1h): it never happens`,
      `warning: ${file}: services.web.autoScaling.scheduledActions.never.schedule: "cron(0 8 31 2 ? *)" does not fire within the run (1h from 2026-03-02T09:00:00Z); it never fires`,
    ]);
    // with --duration, what falls after the end is cut off on purpose: only the zone is said
    expect(scenarioWarnings(loadScenarioFile(file, { durationMs: 600_000 }), { durationOverridden: true }).map((w) => w.at.join('.'))).toEqual(['cluster.availabilityZones.2']);
  });

  it('warns (exit 0) of minimumHealthyPercent 100 with maximumPercent 100 on EC2, where a drain does not end by itself; not on Fargate, not for other values', async () => {
    const s = quickstart();
    s.services.web.deploymentConfiguration = { minimumHealthyPercent: 100, maximumPercent: 100 };
    const file = writeScenario(dir, 'drain-100-100', s);
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe(
      `warning: ${file}: services.web.deploymentConfiguration: minimumHealthyPercent 100 with maximumPercent 100: tasks on a draining instance can neither be replaced before they stop nor stop before their replacements are healthy, so a drain does not end by itself (a managed scale in waits forever; an interrupted Spot instance kills its tasks when it terminates); lower minimumHealthyPercent or raise maximumPercent`,
    );
    // said whatever --duration (it is not about the run's end)
    expect(scenarioWarnings(loadScenarioFile(file, { durationMs: 600_000 }), { durationOverridden: true }).map((w) => w.at.join('.'))).toEqual(['services.web.deploymentConfiguration']);
    for (const [min, max] of [[99, 100], [100, 101]] as const) {
      const t = quickstart();
      t.services.web.deploymentConfiguration = { minimumHealthyPercent: min, maximumPercent: max };
      // (at 101 % the AZ rebalancing warning is said: floor(3 x 101 / 100) = 3 leaves no room for a task more)
      expect(scenarioWarnings(loadScenarioFile(writeScenario(dir, `drain-${min}-${max}`, t))).filter((w) => !w.message.includes('availabilityZoneRebalancing'))).toEqual([]);
    }
    const f = quickstart();
    Object.assign(f.taskDefinitions.web, { requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc' });
    f.services.web.launchType = 'FARGATE';
    f.services.web.deploymentConfiguration = { minimumHealthyPercent: 100, maximumPercent: 100 };
    // on Fargate with a load balancer maximumPercent governs replacing unhealthy tasks: nothing said
    expect(scenarioWarnings(loadScenarioFile(writeScenario(dir, 'drain-fargate-lb', f))).map((w) => w.message)).toEqual([]);
    // without one maximumPercent 100 still has an effect: it turns off the AZ rebalancing the
    // service is otherwise eligible for (service-rebalancing.html): nothing said either
    delete f.services.web.loadBalancer;
    expect(scenarioWarnings(loadScenarioFile(writeScenario(dir, 'drain-fargate', f))).map((w) => w.message)).toEqual([]);
    expect(loadScenarioFile(writeScenario(dir, 'drain-fargate-az', f)).services.find((x) => x.name === 'web')!.azRebalancing).toBe(false);
  });

  it('the 100/100 drain warning adds, for a group that scales in without termination protection and with managed draining, that it may drain busy instances down to the group minSize, advising termination protection only where managed scaling allows it (/tmp/rev-mtp/md5.yaml, /tmp/rev-second1/d1-d4.yaml)', () => {
    const base = 'minimumHealthyPercent 100 with maximumPercent 100: tasks on a draining instance can neither be replaced before they stop nor stop before their replacements are healthy, so a drain does not end by itself (a managed scale in waits forever; an interrupted Spot instance kills its tasks when it terminates); lower minimumHealthyPercent or raise maximumPercent';
    const drains = "; with managedTerminationProtection DISABLED and managedDraining ENABLED on ec2, a scale in may choose the instances running these tasks and drain them: the group's desired capacity can go down to its minSize ";
    const more = drains + '0 while those DRAINING instances keep the tasks and are billed, so turn managedTerminationProtection on';
    const said = (provider: Record<string, unknown>, name: string, minSize = 0, extra?: (s: Record<string, any>) => void) => {
      const s = quickstart();
      s.services.web.deploymentConfiguration = { minimumHealthyPercent: 100, maximumPercent: 100 };
      Object.assign(s.cluster.capacityProviders.ec2, provider);
      Object.assign(s.cluster.capacityProviders.ec2.autoScalingGroup, { minSize, maxSize: 6 });
      extra?.(s);
      return scenarioWarnings(loadScenarioFile(writeScenario(dir, name, s))).filter((w) => w.at.join('.') === 'services.web.deploymentConfiguration').map((w) => w.message);
    };
    const managed = { managedScaling: { status: 'ENABLED' } };
    // defaults: managedTerminationProtection DISABLED, managedDraining ENABLED
    expect(said(managed, 'drain-md-default')).toEqual([base + more]);
    expect(said({ ...managed, managedTerminationProtection: 'ENABLED' }, 'drain-md-mtp')).toEqual([base]);
    expect(said({ ...managed, managedDraining: 'DISABLED' }, 'drain-md-nodrain')).toEqual([base]);
    // no scaling of the group: nothing scales it in
    expect(said({}, 'drain-md-unscaled')).toEqual([base]);
    // minSize 2: the desired capacity stops at 2, not 0 (/tmp/rev-second1/d1.yaml)
    expect(said(managed, 'drain-md-min2', 2)).toEqual([base + drains + '2 while those DRAINING instances keep the tasks and are billed, so turn managedTerminationProtection on']);
    // the group's own target tracking policy (no managed scaling): managed termination protection
    // is refused there (it requires managed scaling), so the advice is the deployment
    // configuration (/tmp/rev-second1/d2.yaml, d3.yaml)
    const ownPolicy = (disableScaleIn: boolean) => (s: Record<string, any>) => {
      s.cluster.capacityProviders.ec2.autoScalingGroup.targetTrackingPolicy = { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50, disableScaleIn };
      delete s.cluster.capacityProviders.ec2.managedScaling;
    };
    const unmanaged = '; managedTerminationProtection requires managedScaling ENABLED, which ec2 lacks: there lower minimumHealthyPercent or raise maximumPercent';
    expect(said({}, 'drain-md-own-policy', 1, ownPolicy(false))).toEqual([base + drains + '1 while those DRAINING instances keep the tasks and are billed' + unmanaged]);
    // ... and with disableScaleIn nothing scales the group in (/tmp/rev-second1/d4.yaml)
    expect(said({}, 'drain-md-own-policy-no-in', 1, ownPolicy(true))).toEqual([base]);
    // two groups (launchType EC2 runs on both): each its minSize, the advice per group
    expect(
      said(managed, 'drain-md-two', 2, (s) => {
        s.cluster.capacityProviders.b = {
          autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 4, launchDelay: '60s', targetTrackingPolicy: { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50 } },
        };
      }),
    ).toEqual([
      base +
        "; with managedTerminationProtection DISABLED and managedDraining ENABLED on ec2, b, a scale in may choose the instances running these tasks and drain them: a group's desired capacity can go down to its minSize (ec2 2, b 1) while those DRAINING instances keep the tasks and are billed, so turn managedTerminationProtection on for ec2; it requires managedScaling ENABLED, which b lacks: there lower minimumHealthyPercent or raise maximumPercent",
    ]);
  });

  it('warns (exit 0) of a deploymentConfiguration written for a service with no EC2 instance to drain (Fargate, Fargate Spot) or a DAEMON service; not when not written, nor on EC2', async () => {
    const dc = { minimumHealthyPercent: 50, maximumPercent: 200 };
    const said = (s: any, name: string) => scenarioWarnings(loadScenarioFile(writeScenario(dir, name, s))).filter((w) => w.at.join('.') === 'services.web.deploymentConfiguration').map((w) => w.message);
    const tail = ': it governs only the replacement of tasks on draining EC2 instances, of tasks failing load balancer health checks and of interrupted Fargate Spot tasks, and (maximumPercent) whether Availability Zone rebalancing is on and has room; deployments are not modelled';
    // a service AZ rebalancing is eligible for, with the default maximumPercent 200 written
    const rebalanced = tail.replace('has room;', 'has room, which its maximumPercent of 200, the default, leaves as it is;');
    const fargate = (spot: boolean, written: boolean) => {
      const f = quickstart();
      Object.assign(f.taskDefinitions.web, { requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc' });
      delete f.services.web.launchType;
      f.services.web.capacityProviderStrategy = spot ? [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3 }] : [{ capacityProvider: 'FARGATE', weight: 1 }];
      if (written) f.services.web.deploymentConfiguration = { ...dc };
      delete f.services.web.loadBalancer;
      return f;
    };
    const spotFile = writeScenario(dir, 'dc-fargate-spot', fargate(true, true));
    const r = await cli('validate', spotFile);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${spotFile}: services.web.deploymentConfiguration: has no effect in ecsim on a service on Fargate capacity only (FARGATE, FARGATE_SPOT) without a loadBalancer or Fargate Spot interruptions${rebalanced}\n`);
    expect(said(fargate(false, true), 'dc-fargate')).toEqual([`has no effect in ecsim on a service on Fargate capacity only (FARGATE) without a loadBalancer or Fargate Spot interruptions${rebalanced}`]);
    // a maximumPercent other than 200 changes the service's AZ rebalancing (110: its room), so nothing is said;
    // with rebalancing DISABLED it changes nothing again
    const f110 = fargate(false, true);
    f110.services.web.deploymentConfiguration = { minimumHealthyPercent: 50, maximumPercent: 110 };
    expect(said(f110, 'dc-fargate-110')).toEqual([]);
    f110.services.web.availabilityZoneRebalancing = 'DISABLED';
    expect(said(f110, 'dc-fargate-110-off')).toEqual([`has no effect in ecsim on a service on Fargate capacity only (FARGATE) without a loadBalancer or Fargate Spot interruptions${tail}`]);
    expect(said(fargate(false, false), 'dc-fargate-unwritten')).toEqual([]);
    // FARGATE_SPOT with interruptions: maximumPercent governs when a reclaimed task's
    // replacement starts (knowledge-center/fargate-spot-termination-notice), so nothing is said
    const reclaimed = fargate(true, true);
    reclaimed.cluster.capacityProviders.FARGATE_SPOT = { interruptions: { meanTimeBetween: '1h' } };
    expect(said(reclaimed, 'dc-fargate-spot-reclaimed')).toEqual([]);
    const daemon = (written: boolean) => {
      const d = quickstart();
      d.services.web.schedulingStrategy = 'DAEMON';
      delete d.services.web.autoScaling;
      delete d.services.web.desiredCount;
      if (written) d.services.web.deploymentConfiguration = { ...dc };
      return d;
    };
    expect(said(daemon(true), 'dc-daemon')).toEqual([`has no effect in ecsim on a DAEMON service${tail}`]);
    expect(said(daemon(false), 'dc-daemon-unwritten')).toEqual([]);
    // a REPLICA service on EC2: it governs the replacement of tasks on a draining instance
    const e = quickstart();
    e.services.web.deploymentConfiguration = { ...dc };
    expect(said(e, 'dc-ec2')).toEqual([]);
  });

  it('the schedule warning reads startTime without an offset as UTC (PutScheduledAction: "in UTC"), not in the action\'s timezone', () => {
    // run 09:00Z-10:00Z; startTime 09:30 is 09:30Z, inside the run, and a cron action fires at
    // its startTime. Read in Asia/Tokyo (UTC+9) it would be 00:30Z, and cron(0 12) Tokyo first
    // fires at 03:00Z the next day: outside the run.
    const s = quickstart();
    s.services.web.autoScaling.scheduledActions = {
      noon: { schedule: 'cron(0 12 * * ? *)', timezone: 'Asia/Tokyo', startTime: '2026-03-02T09:30:00', scalableTargetAction: { minCapacity: 4 } },
      late: { schedule: 'cron(0 12 * * ? *)', timezone: 'Asia/Tokyo', startTime: '2026-03-02T10:30:00', scalableTargetAction: { minCapacity: 4 } },
    };
    const warnings = scenarioWarnings(loadScenarioFile(writeScenario(dir, 'start-utc', s)));
    expect(warnings.map((w) => w.at.join('.'))).toEqual(['services.web.autoScaling.scheduledActions.late.schedule']);
  });

  it("accepts custom attributes at ECS's bounds (API_Attribute.html): every allowed character, 128 characters, a one-character value", () => {
    const s = quickstart();
    const attributes = { 'Az09-_/\\.': 'Az09-_.@/\\: x', ['n'.repeat(128)]: 'v'.repeat(128), t: 'x' };
    s.cluster.capacityProviders.ec2.autoScalingGroup.attributes = attributes;
    const p = loadScenarioFile(writeScenario(dir, 'attribute-bounds', s)).providers.get('ec2')!;
    expect(p.kind === 'asg' && p.config.autoScalingGroup.attributes).toEqual(attributes);
  });

  it('accepts a duration of 3660 d exactly (ecsim\'s bound), and a cooldown past it (AWS\'s bound is 2,147,483,647 s)', () => {
    const s = quickstart();
    s.services.web.workload.requestRate.step.at = '3660d';
    s.cluster.capacityProviders.ec2.autoScalingGroup.launchDelay = 316_224_000;
    s.services.web.autoScaling.policies.cpu.scaleInCooldown = '4000d';
    const r = loadScenarioFile(writeScenario(dir, 'duration-bound', s));
    // 3660 x 86,400,000 ms; 4000 x 86,400,000 ms (the launch delay of 316,224,000 s is accepted too)
    expect(r.services[0].config.workload!.requestRate).toMatchObject({ step: { at: 316_224_000_000 } });
    expect(r.scenario.services.web.autoScaling!.policies.cpu).toMatchObject({ scaleInCooldown: 345_600_000_000 });
  });

  it('accepts the AWS bounds themselves (health check interval and thresholds, grace period), and a stopTimeout above 120 s on EC2 (the 120 s maximum is Fargate\'s)', () => {
    for (const [lb, stopTimeout] of [[{ deregistrationDelay: '0s', healthCheck: { interval: '5s' } }, '10m'], [{ deregistrationDelay: '3600s', healthCheck: { interval: '300s' } }, '121s']] as const) {
      const s = quickstart();
      s.services.web.loadBalancer = lb;
      s.taskDefinitions.web.stopTimeout = stopTimeout;
      expect(s.services.web.launchType).toBe('EC2');
      const r = loadScenarioFile(writeScenario(dir, `bounds-${stopTimeout}`, s));
      expect(r.services[0].config.loadBalancer!.healthCheck.interval).toBe(lb.healthCheck.interval === '5s' ? 5_000 : 300_000);
    }
    // the threshold counts and the grace period at their AWS bounds
    for (const [healthyThreshold, unhealthyThreshold, grace] of [[2, 10, 2_147_483_647], [10, 2, 0]]) {
      const s = quickstart();
      s.services.web.loadBalancer = { healthCheck: { healthyThreshold, unhealthyThreshold } };
      s.services.web.healthCheckGracePeriodSeconds = grace;
      const svc = loadScenarioFile(writeScenario(dir, `thresholds-${healthyThreshold}`, s)).services[0].config;
      expect([svc.loadBalancer!.healthCheck.healthyThreshold, svc.loadBalancer!.healthCheck.unhealthyThreshold, svc.healthCheckGracePeriodSeconds]).toEqual([healthyThreshold, unhealthyThreshold, grace]);
    }
    // the ALB defaults (API_CreateTargetGroup.html), and an application that starts at once
    const d = loadScenarioFile(QUICKSTART);
    expect(d.services[0].config.loadBalancer!.healthCheck).toEqual({ interval: 30_000, healthyThreshold: 5, unhealthyThreshold: 2 });
    expect(d.services[0].config.healthCheckGracePeriodSeconds).toBe(0);
    expect(d.taskDefinitions.get('web')!.config.startup.applicationStart).toEqual({ distribution: 'fixed', value: 0 });
    const s = quickstart();
    Object.assign(s.taskDefinitions.web, { requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', stopTimeout: '120s' });
    s.services.web.launchType = 'FARGATE';
    expect(loadScenarioFile(writeScenario(dir, 'fargate-120s', s)).taskDefinitions.get('web')!.config.stopTimeout).toBe(120_000);
  });

  it('an Auto Scaling group CPU target may be fractional (EC2 Auto Scaling\'s TargetValue is a Double)', () => {
    const s = quickstart();
    s.cluster.capacityProviders.ec2.autoScalingGroup.targetTrackingPolicy = { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 0.5 };
    const r = loadScenarioFile(writeScenario(dir, 'asg-target-half', s));
    expect(r.scenario.cluster.capacityProviders.ec2).toMatchObject({ autoScalingGroup: { targetTrackingPolicy: { targetValue: 0.5 } } });
  });

  it('the shipped scenarios give no warnings, but unplaceable-task.yaml its reports service that no instance fits and its gpu-batch memberOf that no instance meets, and health-check-grace-period.yaml its least-outstanding routing under fail-open in fluid fidelity, on purpose', () => {
    const onPurpose: Record<string, string[]> = {
      'unplaceable-task.yaml': ['services.gpu-batch.placementConstraints.0.expression', 'services.reports.launchType'],
      // the lesson is fail-open; the warning says what fluid fidelity makes of it there
      'health-check-grace-period.yaml': ['services.web.loadBalancer.routing'],
    };
    for (const f of readdirSync('scenarios').filter((f) => f.endsWith('.yaml'))) {
      const warnings = scenarioWarnings(loadScenarioFile(join('scenarios', f))).map((w) => w.at.join('.'));
      expect(warnings, f).toEqual(onPurpose[f] ?? []);
    }
  });

  it('the quick start and the shipped scenarios are valid', () => {
    for (const f of readdirSync('scenarios').filter((f) => f.endsWith('.yaml'))) {
      expect(() => loadScenarioFile(join('scenarios', f)), f).not.toThrow();
    }
  });

  it('reports the line of the offending key', () => {
    const file = writeScenario(dir, 'line', (require_quickstart_text()).replace('taskDefinition: web', 'taskDefinition: wbe'));
    expect(() => loadScenarioFile(file)).toThrow(new RegExp(`${file.replace(/[.]/g, '\\.')}:35: services\\.web\\.taskDefinition`));
  });

  it('a key given twice is named, on its line; a syntax error is told once, not once per line after it', () => {
    const text = require_quickstart_text();
    const dup = writeScenario(dir, 'dup-key', text.replace('duration: 1h', 'duration: 1h\nseed: 2'));
    const lines = readFileSync(dup, 'utf8').split('\n');
    const seedAt = lines.indexOf('seed: 2') + 1;
    const firstSeed = lines.findIndex((l) => /^seed: /.test(l)) + 1;
    expect(firstSeed).toBeGreaterThan(0);
    expect(firstSeed).not.toBe(seedAt);
    expect(() => loadScenarioFile(dup)).toThrow(`${dup}:${seedAt}:1: expected each key once in a map, found "seed" again (first on line ${firstSeed}); remove one, or merge their values`);
    // a first value left empty (`variants:` twice): the key and the repeat's line were ""
    // and the first one's (the yaml package points after the empty value)
    const empty = writeScenario(dir, 'dup-empty', `${text}\nvariants:\nvariants:\n  x: {}\n`);
    const emptyAt = readFileSync(empty, 'utf8').split('\n').lastIndexOf('variants:') + 1;
    expect(() => loadScenarioFile(empty)).toThrow(`${empty}:${emptyAt}:1: expected each key once in a map, found "variants" again (first on line ${emptyAt - 1}); remove one, or merge their values`);
    const nested = writeScenario(dir, 'dup-nested', text.replace('services:\n', 'services:\n  a:\n  b: 1\n  a:\n'));
    const nestedLines = readFileSync(nested, 'utf8').split('\n');
    const nestedAt = nestedLines.lastIndexOf('  a:') + 1;
    expect(() => loadScenarioFile(nested)).toThrow(`${nested}:${nestedAt}:3: expected each key once in a map, found "a" again (first on line ${nestedAt - 2}); remove one, or merge their values`);
    const tabs = writeScenario(dir, 'tabs', text.replace(/\n {4}/g, '\n\t\t'));
    let message = '';
    try {
      loadScenarioFile(tabs);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/:\d+:\d+: expected valid YAML\/JSON, found .*\(\d+ more YAML errors follow from here\)$/);
  });

  it('`ecsim run` with an unknown task definition exits 2 with one line and leaves no output folder', async () => {
    const s = quickstart();
    s.services.web.taskDefinition = 'nope';
    const file = writeScenario(dir, 'exit2', s);
    const out = join(dir, 'out-exit2');
    const r = await cli('run', file, '--out', out, '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/services\.web\.taskDefinition: expected a task definition of taskDefinitions \(web\), found "nope"/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
  });

  it('bad flags exit 2', async () => {
    expect((await cli('run', 'scenarios/quickstart.yaml', '--duration', 'soon')).code).toBe(2);
    expect((await cli('run', 'scenarios/quickstart.yaml', '--seed', '-3')).code).toBe(2);
    expect((await cli('validate', 'does/not/exist.yaml')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});

import { readFileSync } from 'node:fs';
function require_quickstart_text(): string {
  return readFileSync('scenarios/quickstart.yaml', 'utf8');
}
