// The peers of `llmgallery inspect` for bench/files.sh: Hugging Face's own JS readers of weight-file
// headers, run on local files.
//   node peer.mjs gguf FILE [N]         @huggingface/gguf: gguf(FILE, {allowLocalFile, computeParametersCount})
//   node peer.mjs safetensors DIR [N]   @huggingface/hub: parseSafetensorsMetadata over DIR, served by a
//                                       local fetch (HEAD, ranged GET) in place of the Hub
// Prints one JSON line: the parameter count the peer found and its in-process time per parse
// (first and median of N), so the script can compare both end-to-end and in-process figures.
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { gguf } from "@huggingface/gguf";
import { parseSafetensorsMetadata } from "@huggingface/hub";

const [kind, target, count = "1"] = process.argv.slice(2);
const runs = Math.max(1, parseInt(count, 10));

// fetch() for URLs of the form .../resolve/main/NAME or .../raw/main/NAME, answered from `folder`.
function localFetch(folder) {
  return async (url, init = {}) => {
    const name = decodeURIComponent(new URL(url).pathname.split("/main/").pop());
    const file = path.join(folder, name);
    let info;
    try {
      info = await stat(file);
    } catch {
      return new Response(null, { status: 404 });
    }
    const etag = `"${info.size}-${info.mtimeMs}"`;  // the Hub client requires one
    if ((init.method ?? "GET") === "HEAD")
      return new Response(null, { status: 200, headers: { "content-length": String(info.size), etag } });
    const headers = new Headers(init.headers ?? {});
    const range = /bytes=(\d+)-(\d*)/.exec(headers.get("range") ?? "");
    const begin = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
    const handle = await open(file, "r");
    try {
      const buffer = Buffer.alloc(Math.max(0, end - begin + 1));
      await handle.read(buffer, 0, buffer.length, begin);
      return new Response(buffer, {
        status: range ? 206 : 200,
        headers: { "content-length": String(buffer.length), "content-range": `bytes ${begin}-${end}/${info.size}`, etag },
      });
    } finally {
      await handle.close();
    }
  };
}

async function once() {
  if (kind === "gguf") {
    const result = await gguf(target, { allowLocalFile: true, computeParametersCount: true });
    return Number(result.parameterCount);
  }
  const folder = target;
  const result = await parseSafetensorsMetadata({
    repo: "local/model",
    computeParametersCount: true,
    fetch: localFetch(folder),
  });
  return Number(result.parameterTotal ?? Object.values(result.parameterCount ?? {}).reduce((a, b) => a + b, 0));
}

const times = [];
let params = 0;
for (let i = 0; i < runs; ++i) {
  const start = process.hrtime.bigint();
  params = await once();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(JSON.stringify({ kind, params, first_ms: times[0], median_ms: sorted[Math.floor(sorted.length / 2)] }));
