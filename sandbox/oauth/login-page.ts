/**
 * The sign-in page that stands in for Medicare.gov's login (the real flow goes to SLSx via
 * `/mymedicare/login`, docs/blue-button.md §2.1): fields labelled Username and Password, a Log in button, and
 * an error that keeps the username (never the password) when the credentials are wrong.
 */
import { escapeHtml, page } from './page-layout';

/** What the sign-in page shows. */
export interface LoginPageInput {
  next: string;
  appName: string;
  username?: string;
  failed?: boolean;
}

/** Renders the sign-in page. */
export function loginPage({ next, appName, username = '', failed = false }: LoginPageInput): string {
  const invalid = failed ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const error = failed
    ? `<div class="error" id="login-error" role="alert"><p><strong>The username or password you entered is incorrect.</strong> Check them and try again.</p></div>\n`
    : '';
  const body = `<h1>Log in to Medicare</h1>
<p><strong>${escapeHtml(appName)}</strong> wants to connect to your Medicare data. Log in to continue.</p>
${error}<form method="post" action="/mymedicare/login">
<input type="hidden" name="next" value="${escapeHtml(next)}">
<div class="field">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${invalid}>
</div>
<div class="field">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
</div>
<div class="actions"><button type="submit" class="primary">Log in</button></div>
</form>
<h2>Test users</h2>
<p class="hint">Use BBUser00000 to BBUser29999. The password is PW, the same five digits and an exclamation mark: BBUser00001 signs in with PW00001!. BBUser1NNNN (BBUser10000 to BBUser19999) has exactly NNNN claims.</p>`;
  return page('Log in', body);
}
