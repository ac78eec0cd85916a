import { runMain } from "@zw/service-host";
import { notifierService } from "./service";

runMain({ notifier: notifierService }, "notifier");
