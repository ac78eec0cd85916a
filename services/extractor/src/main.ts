import { runMain } from "@zw/service-host";
import { extractorService } from "./service";

runMain({ extractor: extractorService }, "extractor");
