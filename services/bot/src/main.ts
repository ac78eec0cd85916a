import { runMain } from "@zw/service-host";
import { botService } from "./service";

runMain({ bot: botService }, "bot");
