// createServiceLoadModel: picks the fidelity named by the configuration.

import { FluidServiceModel } from './fluid-model.js';
import { RequestServiceModel } from './request-model.js';
import { resolveServiceConfig } from './resolve-config.js';
import type { ServiceLoadModel, ServiceModelContext, ServiceWorkloadConfig } from './types.js';

export function createServiceLoadModel(config: ServiceWorkloadConfig, ctx: ServiceModelContext): ServiceLoadModel {
  const cfg = resolveServiceConfig(config);
  if (cfg.fidelity === 'request') {
    const name = ctx.serviceName;
    return new RequestServiceModel(
      cfg,
      ctx.sim,
      ctx.trace,
      {
        arrivals: ctx.streams.stream('workload', name, 'arrivals'),
        service: ctx.streams.stream('workload', name, 'serviceTime'),
        routing: ctx.streams.stream('workload', name, 'routing'),
      },
      ctx.fargate,
    );
  }
  return new FluidServiceModel(cfg, ctx.trace, ctx.fargate, ctx.sim.now);
}
