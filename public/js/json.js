// kyoyu — fetching the site's JSON files, for site.js (a large site's navigation) and search.js
// (the search index). A large site stores its big JSON files once, gzip-compressed
// (`nav.HASH.json.gz`, `search-N.HASH.json.gz`: site-gen's search.rs and pages/handbook.rs),
// rather than as the JSON and its .gz and .br copies; they are decompressed here, as Pagefind
// decompresses its index chunks. Told apart from plain JSON by their first bytes, not by their
// names: a server that sends a `.gz` file with `Content-Encoding: gzip` has had the browser
// decompress it already.

/** The JSON at `url`, plain or gzip-compressed. */
export async function getJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(String(r.status));
  const bytes = new Uint8Array(await r.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const body = gzipped ? new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")) : bytes;
  return new Response(body).json();
}
