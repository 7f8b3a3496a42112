/**
 * A tiny JSON template engine. A resource is marked by replacing values with slot tokens
 * (`slot('m:line_nch_pmt_amt')`), serialized once, and split around the tokens; rendering is then a
 * string concatenation of the fixed parts and the slot values — no object building, no
 * JSON.stringify per request.
 */

/** A serialized resource split around its slots. */
export interface Template {
  readonly parts: readonly string[];
  readonly slots: readonly string[];
}

/** Renders the JSON text of one slot for a context. */
export type Resolver<C> = (ctx: C) => string;

/** A template whose slots are bound to resolvers. */
export interface BoundTemplate<C> {
  readonly parts: readonly string[];
  readonly resolvers: readonly Resolver<C>[];
}

const TOKEN = /"@@([^@"]+)@@"/g;

/** The marker that puts slot `name` where a JSON value was (the quotes are replaced too). */
export function slot(name: string): string {
  if (/[@"]/.test(name)) throw new Error(`bad slot name ${name}`);
  return `@@${name}@@`;
}

/** Serializes a marked value and splits it around its slots. */
export function compile(value: unknown): Template {
  const text = JSON.stringify(value);
  const parts: string[] = [];
  const slots: string[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    parts.push(text.slice(last, match.index));
    slots.push(match[1] ?? '');
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return { parts, slots };
}

/** Binds every slot of a template once, so rendering does no name lookups. */
export function bind<C>(template: Template, resolve: (name: string) => Resolver<C>): BoundTemplate<C> {
  return { parts: template.parts, resolvers: template.slots.map(resolve) };
}

/** The JSON text of a bound template for one context. */
export function render<C>(template: BoundTemplate<C>, ctx: C): string {
  const { parts, resolvers } = template;
  const out: string[] = new Array<string>(parts.length * 2 - 1);
  out[0] = parts[0] ?? '';
  for (let i = 0; i < resolvers.length; i++) {
    out[2 * i + 1] = (resolvers[i] as Resolver<C>)(ctx);
    out[2 * i + 2] = parts[i + 1] ?? '';
  }
  return out.join('');
}
