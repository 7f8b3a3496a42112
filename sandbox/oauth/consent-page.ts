/**
 * The consent page (WEB `templates/design_system/new_authorize_v2.html`, docs/blue-button.md §2.1): what the
 * app will get, the "Share my demographic information" checkbox (ticked by default, with the hidden
 * `"False"` default before it) and the Connect and Cancel buttons.
 */
import type { RegisteredApp } from '../apps';
import { addCalendarMonths } from '../clock';
import { escapeHtml, page } from './page-layout';

/** What the consent page shows. */
export interface ConsentPageInput {
  app: RegisteredApp;
  action: string;
  username: string;
  now: number;
}

function accessText(app: RegisteredApp, now: number): string {
  switch (app.dataAccessType) {
    case 'THIRTEEN_MONTH': {
      const until = new Date(addCalendarMonths(now, 13)).toLocaleDateString('en-US', {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      });
      return `${app.name} can see your data until ${until}, unless you disconnect it sooner.`;
    }
    case 'ONE_TIME':
      return `${app.name} can see your data for one hour.`;
    case 'RESEARCH_STUDY':
      return `${app.name} can see your data until the research study ends, unless you disconnect it sooner.`;
  }
}

/** Renders the consent page. */
export function consentPage({ app, action, username, now }: ConsentPageInput): string {
  const name = escapeHtml(app.name);
  const demographics = app.requireDemographicScopes
    ? `<input type="hidden" name="share_demographic_scopes" value="False">
<div class="check">
<input type="checkbox" id="share_demographic_scopes" name="share_demographic_scopes" value="True" checked aria-describedby="share-hint">
<label for="share_demographic_scopes">Share my demographic information</label>
</div>
<p class="hint" id="share-hint">Your name, date of birth, sex, race and ethnicity, and your state and ZIP code. If you untick this box, ${name} still gets your claims and coverage.</p>`
    : '';
  const body = `<h1>Connect ${name} to your Medicare data?</h1>
<p>You are signed in as ${escapeHtml(username)}.</p>
<form method="post" action="${escapeHtml(action)}">
<h2>${name} will get</h2>
<ul>
<li>Your Medicare claims: doctor visits, hospital stays, equipment and prescriptions</li>
<li>Your Medicare coverage: Parts A, B, C and D</li>
</ul>
${demographics}
<p>${escapeHtml(accessText(app, now))}</p>
<div class="actions">
<button type="submit" name="allow" value="true" class="primary">Connect</button>
<button type="submit" name="deny" value="true" class="secondary">Cancel</button>
</div>
</form>`;
  return page(`Connect ${app.name}`, body);
}
