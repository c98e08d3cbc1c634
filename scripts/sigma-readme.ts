// `npm run sigma:readme`: rewrites the README's generated Sigma support tables from the code.
import fs from "node:fs";
import { renderReadme } from "@/lib/sigma-service/support-matrix";

const before = fs.readFileSync("README.md", "utf8");
const after = await renderReadme(before);
if (after !== before) fs.writeFileSync("README.md", after);
console.log(after === before ? "README.md: Sigma tables up to date" : "README.md: Sigma tables rewritten");
