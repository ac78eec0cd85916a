export {
  type Host,
  type HostOptions,
  hostServices,
  type RunningService,
  runMain,
  type ServiceContext,
  type ServiceStarter,
} from "./host-services";
