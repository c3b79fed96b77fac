/**
 * The lines every brief of a page opens with ("Write the copy for this product.", the language, the
 * length), up to its first tagged block of material: said once for the page instead of once a product.
 * Only whole lines before any material move, so no product's data is shared or lost.
 */
export function sharedLead(requests: readonly string[]): { lead: string; rests: string[] } {
  const leads = requests.map((request) => {
    const tag = request.search(/^</m);
    return tag === -1 ? "" : request.slice(0, tag);
  });
  let length = 0;
  const [first = ""] = leads;
  for (let end = first.indexOf("\n"); end !== -1; end = first.indexOf("\n", end + 1)) {
    const candidate = first.slice(0, end + 1);
    if (!leads.every((lead) => lead.startsWith(candidate))) break;
    length = end + 1;
  }
  return { lead: first.slice(0, length).trim(), rests: requests.map((request) => request.slice(length)) };
}
