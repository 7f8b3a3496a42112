/**
 * DRF content negotiation for the FHIR views (docs/blue-button.md §8): renderers `[FHIRRenderer
 * (application/fhir+json), JSONRenderer (application/json)]`, media ranges ranked by specificity
 * (not by `q`), so a wildcard `Accept` gets `application/fhir+json` and `Accept: application/json`
 * gets `application/json`. `null` means 406.
 */
import { FHIR_JSON_TYPE, JSON_TYPE } from '../http/responses';

const RENDERERS = [FHIR_JSON_TYPE, JSON_TYPE] as const;

interface MediaType {
  main: string;
  sub: string;
  precedence: number;
}

function parseMediaType(text: string): MediaType {
  const [type = '', ...params] = text.split(';').map((p) => p.trim());
  const [main = '', sub = ''] = type.toLowerCase().split('/');
  const paramNames = params.map((p) => p.split('=')[0]?.trim()).filter(Boolean);
  const precedence =
    main === '*'
      ? 0
      : sub === '*'
        ? 1
        : paramNames.length === 0 || paramNames.every((n) => n === 'q')
          ? 2
          : 3;
  return { main, sub, precedence };
}

function matches(renderer: string, accepted: MediaType): boolean {
  const [main, sub] = renderer.split('/');
  if (accepted.sub !== '*' && accepted.sub !== sub) return false;
  return accepted.main === '*' || accepted.main === main;
}

/** The content type DRF would render with, or null when nothing acceptable is offered. */
export function negotiateFhirType(accept: string | null): string | null {
  const ranges = (accept?.trim() ? accept : '*/*')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseMediaType);
  for (let precedence = 3; precedence >= 0; precedence--) {
    const set = ranges.filter((r) => r.precedence === precedence);
    for (const renderer of RENDERERS) if (set.some((r) => matches(renderer, r))) return renderer;
  }
  return null;
}
