/**
 * A tiny reader of the sandbox's own HTML forms, so HTTP tests can submit them like a browser.
 */

function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The first POST form of a page: its action and its hidden and pre-filled fields. */
export function readForm(html: string): { action: string; fields: [string, string][] } {
  const form = /<form method="post" action="([^"]*)">([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error('no form on the page');
  const fields: [string, string][] = [];
  for (const input of (form[2] ?? '').matchAll(/<input ([^>]*)>/g)) {
    const attrs = input[1] ?? '';
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const type = /type="([^"]*)"/.exec(attrs)?.[1];
    if (!name || (type === 'checkbox' && !/\schecked/.test(attrs))) continue;
    fields.push([name, unescape(value)]);
  }
  return { action: unescape(form[1] ?? ''), fields };
}
