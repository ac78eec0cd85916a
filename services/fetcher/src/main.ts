import { runMain } from "@zw/service-host";
import { fetcherService } from "./service";

runMain({ fetcher: fetcherService }, "fetcher");
