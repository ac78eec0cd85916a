import { runMain } from "@zw/service-host";
import { schedulerService } from "./service";

runMain({ scheduler: schedulerService }, "scheduler");
