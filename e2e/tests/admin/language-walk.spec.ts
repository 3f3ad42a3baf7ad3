import { test } from "@playwright/test";
import { walkEveryPage } from "../../support/walk";

test("[admin] every page reads in one language, passes axe and logs no console error, in zh-CN and en", async ({
  page,
}) => {
  test.setTimeout(15 * 60_000);
  await walkEveryPage(page, "admin", (name, body) => test.step(name, body));
});
